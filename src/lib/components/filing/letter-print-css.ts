/** The printed letter: a readable serif, A4/Letter-safe margins, the text as typed (line breaks kept). */
export const LETTER_PRINT_CSS = `
@page { margin: 2.5cm 2.2cm; }
html { background: #fff; color: #000; }
body { margin: 0; }
.letter { font-family: Georgia, 'Times New Roman', 'Noto Serif', serif; font-size: 12pt; line-height: 1.45; white-space: pre-wrap; overflow-wrap: anywhere; max-width: 40rem; }
`;
