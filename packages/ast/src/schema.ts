// Skeleton: the JSON Schema of the AST (issue 2) replaces this.
export const briefSchema = { $schema: 'https://json-schema.org/draft/2020-12/schema', title: 'brief' } as const;
