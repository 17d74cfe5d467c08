import { notFound } from "next/navigation";

/** Any address under this area that no page answers: the area's own not-found page, inside its shell, as a 404. */
export default function Missing() {
  notFound();
}
