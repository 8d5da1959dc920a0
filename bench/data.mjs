// The bench data, generated in Node from the same module the pages use (bench/page/data.mjs).
export * from './page/data.mjs';
