import { ENTITY_TYPE_LABELS, ENTITY_TYPES } from "@/lib/entities/schemas";

export const ENTITY_TYPE_OPTIONS = ENTITY_TYPES.map((t) => ({ value: t, label: ENTITY_TYPE_LABELS[t] }));
