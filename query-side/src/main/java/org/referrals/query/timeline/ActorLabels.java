package org.referrals.query.timeline;

import java.util.Collection;
import java.util.Map;

/**
 * The labels of the keys that acted (e.g. "intake desk, Oujda"), so that a timeline names who did what rather than a
 * key id; implemented where the keys are kept (infra). A key without a label (a token's subject) has none here.
 */
public interface ActorLabels {

    Map<String, String> of(Collection<String> userIds);
}
