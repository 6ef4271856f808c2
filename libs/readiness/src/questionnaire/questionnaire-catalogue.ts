import { ConfigError, configDir, loadRulesFile } from '@app/config';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { HeadingDefinition, QuestionDefinition, QuestionnaireFile } from './questionnaire.file';
import { QuestionnaireFile as QuestionnaireFileShape } from './questionnaire.file';

export const QUESTIONNAIRE_DIR = 'readiness';
const FILE_PATTERN = /^questionnaire-v(\d+)\.yaml$/;

/** A loaded questionnaire version with lookups the services need. */
export class Questionnaire {
  readonly questionsById: ReadonlyMap<string, { question: QuestionDefinition; heading: HeadingDefinition }>;

  constructor(readonly file: QuestionnaireFile) {
    const map = new Map<string, { question: QuestionDefinition; heading: HeadingDefinition }>();
    for (const heading of file.headings)
      for (const question of heading.questions) map.set(question.code, { question, heading });
    this.questionsById = map;
  }

  get version(): number {
    return this.file.version;
  }

  get headings(): readonly HeadingDefinition[] {
    return this.file.headings;
  }

  get questionCodes(): string[] {
    return [...this.questionsById.keys()];
  }
}

/**
 * Every questionnaire version in config/readiness/, loaded and validated at start-up. Versions are
 * append-only: an audit keeps the version it was answered on, so adding v2 never changes how a v1 audit
 * renders or scores. New audits use the highest version.
 */
export class QuestionnaireCatalogue {
  private readonly versions: ReadonlyMap<number, Questionnaire>;

  constructor(questionnaires: Questionnaire[]) {
    if (questionnaires.length === 0) throw new Error('no questionnaire versions loaded');
    this.versions = new Map(questionnaires.map((q) => [q.version, q]));
  }

  static load(env: NodeJS.ProcessEnv = process.env): QuestionnaireCatalogue {
    const dir = join(configDir(env), QUESTIONNAIRE_DIR);
    const files = readdirSync(dir).filter((name) => FILE_PATTERN.test(name));
    if (files.length === 0)
      throw new ConfigError(
        [{ setting: QUESTIONNAIRE_DIR, message: 'no questionnaire-v<N>.yaml file' }],
        `config/${QUESTIONNAIRE_DIR}`,
      );
    return new QuestionnaireCatalogue(
      files.map((name) => {
        const relative = `${QUESTIONNAIRE_DIR}/${name}`;
        const file = loadRulesFile(relative, QuestionnaireFileShape, env);
        checkQuestionnaire(file, Number(FILE_PATTERN.exec(name)?.[1]), relative);
        return new Questionnaire(file);
      }),
    );
  }

  get current(): Questionnaire {
    return this.get(Math.max(...this.versions.keys()));
  }

  get(version: number): Questionnaire {
    const questionnaire = this.versions.get(version);
    if (!questionnaire) throw new Error(`questionnaire version ${version} is not loaded`);
    return questionnaire;
  }

  has(version: number): boolean {
    return this.versions.has(version);
  }

  get allVersions(): number[] {
    return [...this.versions.keys()].sort((a, b) => a - b);
  }
}

/** Rules class-validator cannot express: the file name matches the version, question codes are unique. */
function checkQuestionnaire(file: QuestionnaireFile, versionInName: number, relative: string): void {
  const problems: { setting: string; message: string }[] = [];
  if (file.version !== versionInName)
    problems.push({ setting: 'version', message: `must be ${versionInName} to match the file name` });
  const seen = new Set<string>();
  file.headings.forEach((heading, h) =>
    heading.questions.forEach((question, q) => {
      if (seen.has(question.code))
        problems.push({
          setting: `headings.${h}.questions.${q}.code`,
          message: `duplicate code ${question.code}`,
        });
      seen.add(question.code);
    }),
  );
  if (file.headings.every((h) => h.weight === 0))
    problems.push({ setting: 'headings', message: 'at least one heading needs a weight above 0' });
  if (problems.length) throw new ConfigError(problems, `config/${relative}`);
}
