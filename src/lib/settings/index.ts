/** Typed settings: definitions and registry, the store, form parsing, and the one settings form. */
export * from './setting.ts';
export * from './settings-form.ts';
export * from './settings-store.ts';
