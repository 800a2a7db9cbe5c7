// Vitest runs outside the React Server Components bundle, where "server-only" would throw on import.
export {};
