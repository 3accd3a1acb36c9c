/**
 * The Program screen's first tab ({@code /admin/program}): how customers earn (the spend rule with a
 * dry run, exclusions), the program settings and the journey's timing, each section its own form.
 */
package io.loyaltyloop.admin.program;
