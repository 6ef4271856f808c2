import { ConfigError, configDir, loadRulesFile, readRulesYaml } from '@app/config';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { LocalisedText } from '../questionnaire/questionnaire.file';
import type { QuestionnaireCatalogue } from '../questionnaire/questionnaire-catalogue';
import { RecommendationRulesFile } from './recommendation-rules.file';

export const RECOMMENDATIONS_FILE = 'readiness/recommendations.yaml';
export const TRAINING_MODULES_FILE = 'training-modules.yaml';

/**
 * Codes and titles of the training catalogue's starting set. The training lib owns and validates that file;
 * we read only code + title so recommendations can name modules, and so a typo in our rules fails start-up.
 */
export function loadTrainingTitles(
  env: NodeJS.ProcessEnv = process.env,
): Map<string, Partial<LocalisedText>> {
  if (!existsSync(join(configDir(env), TRAINING_MODULES_FILE))) return new Map();
  const parsed = readRulesYaml(TRAINING_MODULES_FILE, env) as {
    modules?: { code?: unknown; title?: unknown }[];
  } | null;
  const titles = new Map<string, Partial<LocalisedText>>();
  for (const m of parsed?.modules ?? [])
    if (typeof m.code === 'string') titles.set(m.code, (m.title ?? {}) as Partial<LocalisedText>);
  return titles;
}

/** Loads recommendations.yaml and checks every reference: headings/questions exist, measures and modules known. */
export function loadRecommendationRules(
  catalogue: QuestionnaireCatalogue,
  trainingTitles: ReadonlyMap<string, unknown>,
  env: NodeJS.ProcessEnv = process.env,
): RecommendationRulesFile {
  const file = loadRulesFile(RECOMMENDATIONS_FILE, RecommendationRulesFile, env);
  const measures = new Set(file.measures.map((m) => m.code));
  const questions = new Set(catalogue.allVersions.flatMap((v) => catalogue.get(v).questionCodes));
  const problems: { setting: string; message: string }[] = [];
  file.rules.forEach((rule, i) => {
    const at = `rules.${i}`;
    const byHeading = rule.heading !== undefined && rule.headingBelow !== undefined;
    const byQuestion = rule.question !== undefined && rule.answerBelow !== undefined;
    if (byHeading === byQuestion)
      problems.push({
        setting: at,
        message: 'needs either heading + headingBelow or question + answerBelow',
      });
    if (rule.question !== undefined && !questions.has(rule.question))
      problems.push({ setting: `${at}.question`, message: `unknown question ${rule.question}` });
    for (const code of rule.measures ?? [])
      if (!measures.has(code))
        problems.push({ setting: `${at}.measures`, message: `unknown measure ${code}` });
    for (const code of rule.training ?? [])
      if (trainingTitles.size > 0 && !trainingTitles.has(code))
        problems.push({ setting: `${at}.training`, message: `unknown training module ${code}` });
  });
  if (problems.length) throw new ConfigError(problems, `config/${RECOMMENDATIONS_FILE}`);
  return file;
}
