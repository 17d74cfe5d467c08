import { Text, View } from "@react-pdf/renderer";
import type { ReactNode } from "react";
import { s } from "./styles";

/**
 * A table that breaks across pages between rows (never inside one) and repeats its header row on every page it spans
 * (a `fixed` child of the table's own View).
 */
export type Column<T> = {
  title: string;
  /** Points; the column without a width takes the rest. */
  width?: number;
  align?: "right";
  cell: (row: T) => ReactNode;
};

const cellStyle = (c: { width?: number; align?: "right" }) => [
  c.align === "right" ? s.num : s.cell,
  c.width ? { width: c.width } : { flex: 1 },
];

export function Table<T>({ columns, rows, rowKey }: { columns: Column<T>[]; rows: T[]; rowKey: (row: T) => string }) {
  return (
    <View>
      <View style={s.th} fixed>
        {columns.map((c) => (
          <Text key={c.title} style={cellStyle(c)}>
            {c.title}
          </Text>
        ))}
      </View>
      {rows.map((r) => (
        <View key={rowKey(r)} style={s.tr} wrap={false}>
          {columns.map((c) => {
            const content = c.cell(r);
            return typeof content === "string" || typeof content === "number" ? (
              <Text key={c.title} style={cellStyle(c)}>
                {content}
              </Text>
            ) : (
              <View key={c.title} style={cellStyle(c)}>
                {content}
              </View>
            );
          })}
        </View>
      ))}
    </View>
  );
}
