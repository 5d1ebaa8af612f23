/** The template databases the global setup builds, each from the one before. */
export const TEMPLATES = ['empty', 'schema', 'reference', 'demo'] as const;
export type TemplateKind = (typeof TEMPLATES)[number];
export const templateName = (kind: TemplateKind) => `atlas_template_${kind}`;
