import "server-only";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "./generated/client";
import { releaseJsonDocuments, withJsonDocuments } from "./json-document";

export { Prisma } from "./generated/client";
export type * from "./generated/client";

const globalForPrisma = globalThis as unknown as { concordPrisma?: PrismaClient; concordReadPrisma?: PrismaClient };

/**
 * Prisma's query interpreter loads the relations of one query side by side. Inside an interactive
 * transaction they share the transaction's one connection, where pg merely queues them and warns
 * on every start that pg 9 will refuse it. Here a transaction's queries go one after another.
 * Every statement, in a transaction or not, gets its JSON documents (`json-document.ts`) here.
 */
class SerialTransactionsPg extends PrismaPg {
  override async connect() {
    const adapter = await super.connect();
    const queryRaw = adapter.queryRaw.bind(adapter);
    const executeRaw = adapter.executeRaw.bind(adapter);
    adapter.queryRaw = (query) => queryRaw({ ...query, args: withJsonDocuments(query.args) });
    adapter.executeRaw = (query) => executeRaw({ ...query, args: withJsonDocuments(query.args) });
    const start = adapter.startTransaction.bind(adapter);
    adapter.startTransaction = async (...args) => inTurn(withTransactionDocuments(await start(...args)));
    return adapter;
  }
}

type Transaction = Awaited<ReturnType<Awaited<ReturnType<PrismaPg["connect"]>>["startTransaction"]>>;

function withTransactionDocuments(tx: Transaction): Transaction {
  const used = new Set<string>();
  const queryRaw = tx.queryRaw.bind(tx);
  const executeRaw = tx.executeRaw.bind(tx);
  const commit = tx.commit.bind(tx);
  const rollback = tx.rollback.bind(tx);
  tx.queryRaw = (query) => queryRaw({ ...query, args: withJsonDocuments(query.args, used) });
  tx.executeRaw = (query) => executeRaw({ ...query, args: withJsonDocuments(query.args, used) });
  tx.commit = () => commit().finally(() => releaseJsonDocuments(used));
  tx.rollback = () => rollback().finally(() => releaseJsonDocuments(used));
  return tx;
}

function inTurn(tx: Transaction): Transaction {
  let last: Promise<unknown> = Promise.resolve();
  const queue = <R>(work: () => Promise<R>): Promise<R> => {
    const result = last.then(work, work);
    last = result.catch(() => undefined);
    return result;
  };
  const queryRaw = tx.queryRaw.bind(tx);
  const executeRaw = tx.executeRaw.bind(tx);
  tx.queryRaw = (query) => queue(() => queryRaw(query));
  tx.executeRaw = (query) => queue(() => executeRaw(query));
  return tx;
}

function createClient(connectionString: string | undefined): PrismaClient {
  if (!connectionString) throw new Error("DATABASE_URL is not set. Start the app with `npm start`, which provides one.");
  // The embedded database serves one query at a time: a larger pool breaks concurrent transactions there.
  const max = Number(process.env.DATABASE_POOL_MAX ?? 10);
  return new PrismaClient({ adapter: new SerialTransactionsPg({ connectionString, max }) });
}

function client(): PrismaClient {
  globalForPrisma.concordPrisma ??= createClient(process.env.DATABASE_URL);
  return globalForPrisma.concordPrisma;
}

/** A replica for read-only queries when DATABASE_READ_URL names one; else the one client. */
function readClient(): PrismaClient {
  const readUrl = process.env.DATABASE_READ_URL;
  if (!readUrl || readUrl === process.env.DATABASE_URL) return client();
  globalForPrisma.concordReadPrisma ??= createClient(readUrl);
  return globalForPrisma.concordReadPrisma;
}

function lazy(get: () => PrismaClient): PrismaClient {
  return new Proxy({} as PrismaClient, {
    get(_target, property) {
      const value = Reflect.get(get(), property);
      return typeof value === "function" ? value.bind(get()) : value;
    },
  });
}

/** The one Prisma client for writes and for reads that must see them. Created on first use, so builds and imports need no database. */
export const db: PrismaClient = lazy(client);

/**
 * For read-only queries that may lag a moment behind the writes (search, lists, public pages):
 * the hot standby DATABASE_READ_URL names, so they can move off the primary; without it, `db`.
 */
export const readDb: PrismaClient = lazy(readClient);

export async function disconnectDb(): Promise<void> {
  await Promise.all([globalForPrisma.concordPrisma?.$disconnect(), globalForPrisma.concordReadPrisma?.$disconnect()]);
  globalForPrisma.concordPrisma = undefined;
  globalForPrisma.concordReadPrisma = undefined;
}

export type Tx = Parameters<Parameters<PrismaClient["$transaction"]>[0]>[0];
