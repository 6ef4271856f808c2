import { Module } from '@nestjs/common';
import { CasesService } from './cases.service';

/** The case row and every change to it (`CasesService`); imported by each lib that changes a case. */
@Module({ providers: [CasesService], exports: [CasesService] })
export class CasesModule {}
