import type { Metadata } from "next";
import { listUsers } from "@/lib/auth/queries";
import { requirePageActor } from "@/lib/auth/session";
import { CreateUserForm } from "./_components/create-user-form";
import { UserRow } from "./_components/user-row";

export const metadata: Metadata = { title: "Users" };

export default async function UsersPage() {
  const actor = await requirePageActor("users.manage");
  const users = await listUsers(actor);
  return (
    <>
      <h1>Users</h1>
      <CreateUserForm />
      <h2>Everyone with access</h2>
      <table className="data">
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Email</th>
            <th scope="col">Role</th>
            <th scope="col">Status</th>
            <th scope="col">Change</th>
          </tr>
        </thead>
        <tbody>
          {users.map((user) => (
            <UserRow key={user.id} user={{ ...user, disabled: Boolean(user.disabledAt) }} isSelf={user.id === actor.id} />
          ))}
        </tbody>
      </table>
    </>
  );
}
