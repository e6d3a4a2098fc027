// Media worker (placeholder until the import pipeline lands).
export {};
