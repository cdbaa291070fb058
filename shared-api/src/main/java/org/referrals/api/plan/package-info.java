/**
 * The reintegration plan of a case (IOM's integrated approach): goals across the economic, social and psychosocial
 * dimensions, agreed with the returnee, each served by referrals, and revised, achieved or dropped over time.
 */
package org.referrals.api.plan;
