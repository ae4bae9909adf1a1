// Plays a server that saves an entity and is killed before its job workers run (tests/integration/jobs-queue.test.ts).
import { createEntity } from "@/lib/entities/mutations";
import { createEntitySchema } from "@/lib/entities/schemas";
import "@/lib/wiring";

const entity = await createEntity(JSON.parse(process.env.CONCORD_TEST_ACTOR!), createEntitySchema.parse(JSON.parse(process.env.CONCORD_TEST_ENTITY!)));
process.stdout.write(`saved ${entity.id}\n`);
// Up until the test kills it.
setInterval(() => {}, 60_000);
