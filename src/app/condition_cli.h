/* condition_cli.h: `fibrelab --conditions [ID]`: the condition cards in plain text. */
#ifndef FIBRELAB_CONDITION_CLI_H
#define FIBRELAB_CONDITION_CLI_H

/* Prints the card ID (NULL: every card, blank line between) on stdout.
 * Returns the exit status: 0, 2 for an unknown id or a broken card (one
 * line on stderr naming the file and field), 1 when none is found or
 * stdout fails. */
int condition_cli_print(const char *id);

#endif
