/** Types of scripts/build-locales.mjs, for the locale guard test. */
export declare const sourceFolders: ReadonlyArray<{ folder: string; into: readonly string[] }>;
export declare function localesOf(base?: string): string[];
export declare function sourcesOf(locale: string, base?: string): Array<{ path: string; place: string[]; texts: unknown }>;
export declare function localeFile(locale: string, base?: string): string;
export declare function staleLocaleFiles(base?: string): string[];
