export const ROLE_OPTIONS = [
  { value: "EDITOR", label: "Editor" },
  { value: "ANALYST", label: "Analyst" },
  { value: "ADMIN", label: "Admin" },
] as const;
