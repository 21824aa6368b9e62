// Server-rendered and complete without JavaScript: a public visitor on a phone downloads none (issue 10).
export const csr = false;
