export declare const external: string[];
export declare const entries: Record<string, string>;
export declare function buildMain(options?: { quiet?: boolean }): Promise<void>;
