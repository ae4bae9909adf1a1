"use client";

import { useState, useTransition } from "react";
import { ROLE_OPTIONS } from "./role-options";
import { updateUserAction } from "../actions";

type UserRowProps = {
  user: { id: string; name: string; email: string; role: string; disabled: boolean };
  isSelf: boolean;
};

export function UserRow({ user, isSelf }: UserRowProps) {
  const [pending, startTransition] = useTransition();
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);

  function save(change: { role?: string; password?: string; disabled?: boolean }) {
    startTransition(async () => {
      const result = await updateUserAction({ userId: user.id, ...change });
      setMessage(result.ok ? { ok: true, text: result.message ?? "Saved." } : { ok: false, text: result.error });
    });
  }

  return (
    <tr>
      <td>
        {user.name}
        {isSelf ? " (you)" : ""}
      </td>
      <td>{user.email}</td>
      <td>
        <label className="visually-hidden" htmlFor={`role-${user.id}`}>
          Role of {user.email}
        </label>
        <select id={`role-${user.id}`} defaultValue={user.role} disabled={pending || isSelf} onChange={(e) => save({ role: e.target.value })}>
          {ROLE_OPTIONS.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
      </td>
      <td>{user.disabled ? "disabled" : "active"}</td>
      <td>
        <form
          className="inline-form"
          onSubmit={(event) => {
            event.preventDefault();
            const input = event.currentTarget.elements.namedItem("password") as HTMLInputElement;
            save({ password: input.value });
            input.value = "";
          }}
        >
          <label htmlFor={`password-${user.id}`} className="visually-hidden">
            New password for {user.email}
          </label>
          <input id={`password-${user.id}`} name="password" type="password" autoComplete="new-password" placeholder="New password" />
          <button type="submit" className="button secondary" disabled={pending}>
            Set password
          </button>
          {!isSelf ? (
            <button
              type="button"
              className="button secondary"
              aria-label={`${user.disabled ? "Enable" : "Disable"} ${user.email}`}
              disabled={pending}
              onClick={() => save({ disabled: !user.disabled })}
            >
              {user.disabled ? "Enable" : "Disable"}
            </button>
          ) : null}
        </form>
        {message ? <span role={message.ok ? "status" : "alert"}>{message.text}</span> : null}
      </td>
    </tr>
  );
}
