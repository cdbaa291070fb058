package org.referrals.command.common;

import org.referrals.api.common.SealedText;

/**
 * Seals a free text under its case's key (implemented in {@code infra} with the personal data's keys). Commands carry
 * their texts in clear; events carry them sealed, so that erasing the case makes them unreadable.
 */
public interface TextSealer {

    /** The text sealed; null for no text, and for a case whose personal data is erased (its texts are not kept). */
    SealedText sealText(String caseId, String text);
}
