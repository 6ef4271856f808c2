/** Injection tokens of what readiness loads from config/ at start-up. */
export const RECOMMENDATION_RULES = Symbol('RECOMMENDATION_RULES');
export const TRAINING_TITLES = Symbol('TRAINING_TITLES');
