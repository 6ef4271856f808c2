/** A setting is missing or malformed: start-up stops with this message, which names each setting. */
export class ConfigError extends Error {
  constructor(
    readonly problems: readonly { setting: string; message: string }[],
    source = 'Configuration',
  ) {
    super(`${source} is invalid:\n` + problems.map((p) => `  - ${p.setting}: ${p.message}`).join('\n'));
    this.name = 'ConfigError';
  }
}
