export interface MessageTemplate {
  subject: string;
  body: string;
}

/** One language's email texts. `{{name}}` placeholders are filled in; a missing value becomes "". */
export interface TemplateSet {
  footer: string;
  greeting: string;
  open: string;
  templates: Record<string, MessageTemplate>;
}
