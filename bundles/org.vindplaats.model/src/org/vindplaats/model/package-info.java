/**
 * The vocabulary of Vindplaats, taken from the handbook "Echt zijn in de online leefwereld":
 * the seven online affordances, the six developmental needs, the seven methodical steps and
 * the twelve methodical principles, plus the records that describe platforms, organisations and
 * trend notes. Plain Java on purpose: no OSGi, no UI, no libraries, so every other bundle (and
 * every test) can depend on it.
 */
package org.vindplaats.model;
