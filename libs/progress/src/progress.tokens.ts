/** Injection token of the loaded config/stage-rules.yaml. */
export const STAGE_RULES = Symbol('STAGE_RULES');
