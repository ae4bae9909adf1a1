import Link from "next/link";
import { Alert } from "@/components/ui/alert";
import type { DetectionResult } from "@/lib/contradictions/detection";

/** What saving a claim found: a conflict with another source, corroboration, or agreement at another precision. */
export function DetectionOutcome({ detection }: { detection: DetectionResult }) {
  const others = detection.corroboratingOutlets - 1;
  return (
    <Alert kind="success">
      <p>Claim saved.</p>
      {detection.contradictionIds.length > 0 ? (
        <p>
          ⚠ Another source states a conflicting value:{" "}
          {detection.contradictionIds.map((cid, i) => (
            <span key={cid}>
              {i > 0 ? ", " : ""}
              <Link href={`/contradictions/${cid}`}>see the contradiction</Link>
            </span>
          ))}
          .
        </p>
      ) : null}
      {others > 0 ? <p>✓ Corroborated: {detection.corroboratingOutlets} independent outlets state the same value.</p> : null}
      {detection.compatibleClaims > 0 ? (
        <p>
          ≈ {detection.compatibleClaims} other {detection.compatibleClaims === 1 ? "source agrees" : "sources agree"} at a different precision.
        </p>
      ) : null}
    </Alert>
  );
}
