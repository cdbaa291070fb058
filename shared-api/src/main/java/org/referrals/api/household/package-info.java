/**
 * Households: cases linked as one family (a head, a spouse, children, other relatives), each member still its own case
 * with its own key, so that erasing one person leaves the others intact.
 */
package org.referrals.api.household;
