/** "1 paragraph", "3 paragraphs": a count with the word that goes with it. It imports nothing, so the browser uses it too. */
export const counted = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
