package org.lakou.circulation.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.lakou.circulation.Policy;

/**
 * The policy grid's form: cell {@code c{row}-{column}} (row = document type, column = member
 * category, by position) has the fields {@code maxLoans}, {@code loanDays}, {@code maxRenewals}
 * and the check box {@code overdueBlocks}. Positions keep field names and ids free of the spaces
 * and apostrophes of the type names.
 */
final class PolicyGrid {

    private PolicyGrid() {
    }

    /** One cell as typed: the numbers stay text so a refused form shows what was entered. */
    record Cell(String category, String documentType, String maxLoans, String loanDays, String maxRenewals,
            boolean overdueBlocks) {

        static Cell of(Policy p) {
            return new Cell(p.category(), p.documentType(), String.valueOf(p.maxLoans()), String.valueOf(p.loanDays()),
                    String.valueOf(p.maxRenewals()), p.overdueBlocks());
        }

        public boolean isEmpty() {
            return maxLoans.isBlank() && loanDays.isBlank() && maxRenewals.isBlank() && !overdueBlocks;
        }

        /** The message key of what is wrong with the cell as typed, or null. */
        String problem() {
            if (isEmpty()) {
                return null;
            }
            if (maxLoans.isBlank() || loanDays.isBlank() || maxRenewals.isBlank()) {
                return "admin.policy.error.incomplete";
            }
            return number(maxLoans) == null || number(loanDays) == null || number(maxRenewals) == null
                    ? "admin.policy.error.number" : null;
        }

        /** The table row this cell stands for; null for an empty cell. Call only without a problem. */
        Policy toPolicy() {
            return isEmpty() ? null : new Policy(category, documentType, number(maxLoans), number(loanDays),
                    number(maxRenewals), overdueBlocks);
        }

        private static Integer number(String s) {
            try {
                return Integer.valueOf(s.strip());
            } catch (NumberFormatException e) {
                return null;
            }
        }
    }

    static String field(int row, int column) {
        return "c" + row + "-" + column;
    }

    /**
     * The cells the form carries, keyed as the table's rows are ({@code category|type}). A cell
     * whose fields are missing altogether (not sent empty, as a browser does) is left out, so a
     * truncated post cannot empty the table.
     */
    static Map<String, Cell> read(Map<String, String> form, List<String> categories, List<String> types) {
        Map<String, Cell> cells = new LinkedHashMap<>();
        for (int row = 0; row < types.size(); row++) {
            for (int col = 0; col < categories.size(); col++) {
                String f = field(row, col) + ".";
                if (!form.containsKey(f + "maxLoans") && !form.containsKey(f + "loanDays")
                        && !form.containsKey(f + "maxRenewals")) {
                    continue;
                }
                Cell c = new Cell(categories.get(col), types.get(row), value(form, f + "maxLoans"),
                        value(form, f + "loanDays"), value(form, f + "maxRenewals"),
                        form.containsKey(f + "overdueBlocks"));
                cells.put(c.category() + "|" + c.documentType(), c);
            }
        }
        return cells;
    }

    private static String value(Map<String, String> form, String name) {
        String v = form.get(name);
        return v == null ? "" : v.strip();
    }
}
