import type { Database } from "./database.js"; export async function applyDemoSeed(_db: Database, _now: number): Promise<void> {}
