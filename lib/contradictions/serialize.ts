/**
 * The JSON API's spelling of contradictions: statuses and resolutions in lower case, as
 * clients send them.
 */
import type { ContradictionListItem } from "./list-queries";
import type { ContradictionView } from "./queries";
import { toApiName } from "./schemas";

export function contradictionToJson(view: ContradictionView) {
  return {
    ...view,
    status: toApiName(view.status),
    resolution: view.resolution ? toApiName(view.resolution) : null,
    history: view.history.map((h) => ({
      ...h,
      fromStatus: h.fromStatus ? toApiName(h.fromStatus) : null,
      toStatus: toApiName(h.toStatus),
    })),
  };
}

export function contradictionListItemToJson(item: ContradictionListItem) {
  return { ...item, status: toApiName(item.status) };
}
