/**
 * Which Paragraph rows are part of an essay's text. A revision never deletes a paragraph that was once in the
 * essay: notes in the live documents and their relational copies (Annotation.paragraphId, ON DELETE CASCADE)
 * point at it. A removed paragraph is moved to a negative position instead, so positions stay unique and every
 * reader's query keeps to the essay by asking for the non-negative ones.
 */
export const IN_ESSAY = { position: { gte: 0 } } as const;
