/**
 * Messages (commands, events), value types and enums shared by the command and query sides.
 * <p>
 * Module rule (checked by ArchUnit in {@code infra}): nothing here imports Spring, and of Axon only
 * {@code @TargetAggregateIdentifier}, {@code @TargetAggregateVersion} and {@code @Revision}.
 */
package org.referrals.api;
