import { runSpecFolder } from '../../support/spec-group';

runSpecFolder(__dirname);
