import "server-only";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "./generated/client";

export { Prisma } from "./generated/client";
export type * from "./generated/client";

const globalForPrisma = globalThis as unknown as { concordPrisma?: PrismaClient };

function createClient(): PrismaClient {
  const connectionString = process.env.DATABASE_URL;
  if (!connectionString) throw new Error("DATABASE_URL is not set. Start the app with `npm start`, which provides one.");
  // The embedded database serves one query at a time: a larger pool breaks concurrent transactions there.
  const max = Number(process.env.DATABASE_POOL_MAX ?? 10);
  return new PrismaClient({ adapter: new PrismaPg({ connectionString, max }) });
}

function client(): PrismaClient {
  globalForPrisma.concordPrisma ??= createClient();
  return globalForPrisma.concordPrisma;
}

/** The one Prisma client. Created on first use, so builds and imports need no database. */
export const db: PrismaClient = new Proxy({} as PrismaClient, {
  get(_target, property) {
    const value = Reflect.get(client(), property);
    return typeof value === "function" ? value.bind(client()) : value;
  },
});

export async function disconnectDb(): Promise<void> {
  await globalForPrisma.concordPrisma?.$disconnect();
  globalForPrisma.concordPrisma = undefined;
}

export type Tx = Parameters<Parameters<PrismaClient["$transaction"]>[0]>[0];
