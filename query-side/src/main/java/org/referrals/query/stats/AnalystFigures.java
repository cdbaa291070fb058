package org.referrals.query.stats;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import org.referrals.api.partner.Caseload;
import org.referrals.api.partner.NetworkMap;
import org.referrals.api.referral.ReferralStatus;
import org.referrals.query.common.Figures;

/**
 * An analyst's figures are de-identified by the statistics' rule ({@link SmallCellSuppression}): on the network map
 * the edges' counts are columns of one table (referrals, accepted, declined) and the partners' active loads another;
 * in a caseload the counts by status are one column, and the active and overdue counts cells of their own. A median
 * or a rate is shown only over 5 referrals or more (else null): over fewer it tells individual answers. Coordinators
 * and partners read the figures themselves, exactly.
 */
public final class AnalystFigures {

    private AnalystFigures() {
    }

    public static ObjectNode network(NetworkMap map, ObjectMapper json) {
        ObjectNode tree = json.valueToTree(map);
        List<NetworkMap.Edge> edges = map.edges();
        ArrayNode edgeNodes = (ArrayNode) tree.get("edges");
        column(edgeNodes, "referrals", edges.stream().mapToLong(NetworkMap.Edge::referrals).toArray(), json);
        column(edgeNodes, "accepted", edges.stream().mapToLong(NetworkMap.Edge::accepted).toArray(), json);
        column(edgeNodes, "declined", edges.stream().mapToLong(NetworkMap.Edge::declined).toArray(), json);
        column(edgeNodes, "closed", edges.stream().mapToLong(NetworkMap.Edge::closed).toArray(), json);
        column(edgeNodes, "needMet", edges.stream().mapToLong(NetworkMap.Edge::needMet).toArray(), json);
        for (int i = 0; i < edges.size(); i++) {
            if (edges.get(i).referrals() < SmallCellSuppression.THRESHOLD) {
                ((ObjectNode) edgeNodes.get(i)).putNull("medianHoursToRespond");
            }
        }
        column((ArrayNode) tree.get("nodes"), "activeLoad", map.nodes().stream().mapToLong(NetworkMap.Node::activeLoad).toArray(), json);
        return tree;
    }

    public static ObjectNode caseload(Caseload caseload, ObjectMapper json) {
        ObjectNode tree = json.valueToTree(caseload);
        tree.set("active", json.valueToTree(SmallCellSuppression.cell(caseload.active())));
        tree.set("overdue", json.valueToTree(SmallCellSuppression.cell(caseload.overdue())));
        List<Map.Entry<String, Long>> byStatus = List.copyOf(caseload.byStatus().entrySet());
        Object[] cells = SmallCellSuppression.column(byStatus.stream().mapToLong(Map.Entry::getValue).toArray());
        ObjectNode statuses = tree.putObject("byStatus");
        for (int i = 0; i < byStatus.size(); i++) {
            statuses.set(byStatus.get(i).getKey(), json.valueToTree(cells[i]));
        }
        if (answeredAtMost(caseload) < SmallCellSuppression.THRESHOLD) {
            tree.putNull("acceptanceRate");
            tree.putNull("medianHoursToRespond");
        }
        tree.set("closed", json.valueToTree(SmallCellSuppression.cell(caseload.closed())));
        tree.set("needMet", json.valueToTree(SmallCellSuppression.cell(caseload.needMet())));
        tree.set("needMetShare", json.valueToTree(Figures.disclosedShare(caseload.needMet(), caseload.closed())));
        if (caseload.byStatus().getOrDefault(ReferralStatus.DELIVERED.name(), 0L)
            + caseload.byStatus().getOrDefault(ReferralStatus.CLOSED.name(), 0L) < SmallCellSuppression.THRESHOLD) {
            tree.putNull("medianDaysToDeliver");
        }
        return tree;
    }

    /** Referrals that may have been answered: all but those still waiting, expired or cancelled. */
    private static long answeredAtMost(Caseload caseload) {
        return caseload.byStatus().entrySet().stream()
                       .filter(entry -> !List.of("REQUESTED", "EXPIRED", "CANCELLED").contains(entry.getKey()))
                       .mapToLong(Map.Entry::getValue).sum();
    }

    private static void column(ArrayNode rows, String field, long[] counts, ObjectMapper json) {
        Object[] cells = SmallCellSuppression.column(counts);
        for (int i = 0; i < cells.length; i++) {
            ((ObjectNode) rows.get(i)).set(field, json.valueToTree(cells[i]));
        }
    }
}
