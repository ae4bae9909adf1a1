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
    withDocumentsAtIO(adapter);
    const start = adapter.startTransaction.bind(adapter);
    adapter.startTransaction = async (...args) => inTurn(withTransactionDocuments(await start(...args)));
    return adapter;
  }
}

type Adapter = Awaited<ReturnType<PrismaPg["connect"]>>;
type Transaction = Awaited<ReturnType<Adapter["startTransaction"]>>;
type Query = Parameters<Adapter["queryRaw"]>[0];

/**
 * The documents go in where the adapter hands a statement to pg (its `performIO`), after its
 * `queryRaw` and `executeRaw` have logged the statement: Prisma's debug log keeps the arguments of
 * its last 100 calls whether or not logging is on, and with the documents in them it held tens
 * of megabytes of an import's rows after they were written. It keeps the short tokens instead.
 */
function withDocumentsAtIO(queryable: Adapter | Transaction, used?: Set<string>): void {
  const io = queryable as unknown as { performIO?: (query: Query) => Promise<unknown> };
  if (typeof io.performIO !== "function") throw new Error("@prisma/adapter-pg has no performIO to put JSON documents in (lib/db/index.ts).");
  const performIO = io.performIO.bind(queryable);
  io.performIO = (query) => performIO({ ...query, args: withJsonDocuments(query.args, used) });
}

function withTransactionDocuments(tx: Transaction): Transaction {
  const used = new Set<string>();
  withDocumentsAtIO(tx, used);
  const commit = tx.commit.bind(tx);
  const rollback = tx.rollback.bind(tx);
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
