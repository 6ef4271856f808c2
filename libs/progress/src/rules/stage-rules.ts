import { ConfigError, loadRulesFile } from '@app/config';
import { StageRulesFile } from './stage-rules.file';

export const STAGE_RULES_FILE = 'stage-rules.yaml';

/**
 * Loads and cross-checks config/stage-rules.yaml at start-up: thresholds in order, milestone references
 * complete, and every outcome rule's required milestones defined.
 */
export function loadStageRules(env: NodeJS.ProcessEnv = process.env): StageRulesFile {
  const rules = loadRulesFile(STAGE_RULES_FILE, StageRulesFile, env);
  const problems: { setting: string; message: string }[] = [];
  const c = rules.classification;
  if (c.passiveFrom >= c.proactiveFrom)
    problems.push({ setting: 'classification.passiveFrom', message: 'must be below proactiveFrom' });
  const codes = new Set(rules.milestones.map((m) => m.code));
  rules.milestones.forEach((m, i) => {
    if (m.evidence === 'answer' && (!m.question || m.atLeast === undefined))
      problems.push({
        setting: `milestones.${i}`,
        message: 'an answer milestone needs question and atLeast',
      });
    if (m.evidence === 'outcome' && !m.outcome)
      problems.push({ setting: `milestones.${i}`, message: 'an outcome milestone needs outcome' });
    if (m.evidence === 'training' && !m.module)
      problems.push({ setting: `milestones.${i}`, message: 'a training milestone needs module' });
  });
  rules.outcomes.forEach((o, i) =>
    (o.requiresMilestones ?? []).forEach((code) => {
      if (!codes.has(code))
        problems.push({ setting: `outcomes.${i}.requiresMilestones`, message: `unknown milestone ${code}` });
    }),
  );
  if (problems.length) throw new ConfigError(problems, `config/${STAGE_RULES_FILE}`);
  return rules;
}
