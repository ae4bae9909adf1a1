/** A small registry of fictional people and real places for the proposal engine's unit tests. */
import type { RegistryEntity } from "@/lib/proposals/types";

export const PROPOSAL_REGISTRY: RegistryEntity[] = [
  { id: "p-berg", name: "Anna Berg", type: "PERSON", aliases: ["Berg"] },
  { id: "p-okoro", name: "Samuel Okoro", type: "PERSON", aliases: ["Okoro"] },
  { id: "p-tanaka", name: "Yui Tanaka", type: "PERSON", aliases: ["Tanaka"] },
  { id: "c-norway", name: "Norway", type: "PLACE", aliases: [] },
  { id: "c-ghana", name: "Ghana", type: "PLACE", aliases: [] },
  { id: "v-geneva", name: "Geneva", type: "PLACE", aliases: [] },
];
