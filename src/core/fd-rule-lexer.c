/* fd-rule-lexer.c
 *
 * Copyright 2026 The Flightdeck authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fd-rule"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "fd-rule-lexer.h"

/* Turns rule text into tokens. Lexical errors become FD_TOKEN_ERROR tokens
 * so that the parser reports them where it meets them, with the rest of
 * its messages. Comments run from # to the end of the line. Typographic
 * characters that arrive by copy and paste are accepted: “curly quotes”,
 * ≤ ≥ ≠, × and the minus sign −. */

/* Bounds that keep every later computation in range. */
#define MAX_NUMBER        1e15
#define MAX_DIGITS        32
#define MAX_WINDOW_DAYS   3650

typedef struct
{
  const char *text;
  gsize       length;
  gsize       pos;
  guint       line;
  guint       column;
  GArray     *tokens;
} Lexer;

static void
clear_token (gpointer data)
{
  FdToken *token = data;

  g_clear_pointer (&token->text, g_free);
}

static gboolean
at_end (Lexer *lexer)
{
  return lexer->pos >= lexer->length;
}

static guchar
peek_byte (Lexer *lexer,
           gsize  ahead)
{
  return lexer->pos + ahead < lexer->length ? (guchar)lexer->text[lexer->pos + ahead] : 0;
}

static gboolean
looking_at (Lexer      *lexer,
            const char *bytes)
{
  gsize n = strlen (bytes);

  return lexer->pos + n <= lexer->length && memcmp (lexer->text + lexer->pos, bytes, n) == 0;
}

/* Moves over @n bytes, keeping line and column (in characters) right. */
static void
advance (Lexer *lexer,
         gsize  n)
{
  for (gsize i = 0; i < n && !at_end (lexer); i++)
    {
      guchar c = (guchar)lexer->text[lexer->pos++];

      if (c == '\n' || (c == '\r' && peek_byte (lexer, 0) != '\n'))
        {
          lexer->line++;
          lexer->column = 1;
        }
      else if (c == '\r')
        ;
      else if ((c & 0xC0) != 0x80)
        lexer->column++;
    }
}

static FdToken *
start_token (Lexer       *lexer,
             FdTokenKind  kind)
{
  FdToken token = { 0 };

  token.kind = kind;
  token.span.offset = lexer->pos;
  token.span.line = lexer->line;
  token.span.column = lexer->column;
  g_array_append_val (lexer->tokens, token);

  return &g_array_index (lexer->tokens, FdToken, lexer->tokens->len - 1);
}

static void
finish_token (Lexer   *lexer,
              FdToken *token)
{
  token->span.length = lexer->pos - token->span.offset;
}

static void
set_error (FdToken    *token,
           const char *message)
{
  token->kind = FD_TOKEN_ERROR;
  g_free (token->text);
  token->text = g_strdup (message);
}

static void
skip_space_and_comments (Lexer *lexer)
{
  while (!at_end (lexer))
    {
      guchar c = peek_byte (lexer, 0);

      if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v')
        advance (lexer, 1);
      else if (looking_at (lexer, "\xC2\xA0"))  /* no-break space */
        advance (lexer, 2);
      else if (c == '#')
        {
          while (!at_end (lexer) && peek_byte (lexer, 0) != '\n' && peek_byte (lexer, 0) != '\r')
            advance (lexer, 1);
        }
      else
        break;
    }
}

/* Non-ASCII characters that are tokens (or space) of their own, never
 * part of a word. */
static const char * const unicode_marks[] = {
  "\xE2\x89\xA4", "\xE2\x89\xA5", "\xE2\x89\xA0",  /* ≤ ≥ ≠ */
  "\xC3\x97", "\xE2\x88\x92",                     /* × − */
  "\xE2\x80\x9C", "\xE2\x80\x9D",                 /* “ ” */
  "\xC2\xA0",                                     /* no-break space */
};

static gboolean
at_unicode_mark (Lexer *lexer)
{
  for (guint i = 0; i < G_N_ELEMENTS (unicode_marks); i++)
    if (looking_at (lexer, unicode_marks[i]))
      return TRUE;

  return FALSE;
}

/* Words are ASCII letters, digits and "_"; other letters ("ë") are kept
 * in the word so that a typo is reported as the word it spoils. */
static gboolean
is_word_start (Lexer *lexer)
{
  guchar c = peek_byte (lexer, 0);

  return g_ascii_isalpha (c) || c == '_' || (c >= 0x80 && !at_unicode_mark (lexer));
}

static gboolean
is_word_char (Lexer *lexer)
{
  guchar c = peek_byte (lexer, 0);

  return g_ascii_isalnum (c) || c == '_' || (c >= 0x80 && !at_unicode_mark (lexer));
}

static void
lex_word (Lexer *lexer)
{
  FdToken *token = start_token (lexer, FD_TOKEN_WORD);
  gsize start = lexer->pos;

  while (!at_end (lexer) && is_word_char (lexer))
    advance (lexer, 1);

  token = &g_array_index (lexer->tokens, FdToken, lexer->tokens->len - 1);
  token->text = g_strndup (lexer->text + start, lexer->pos - start);
  finish_token (lexer, token);
}

static void
lex_number (Lexer *lexer)
{
  FdToken *token = start_token (lexer, FD_TOKEN_NUMBER);
  gsize start = lexer->pos;
  gsize suffix_start;
  g_autofree char *digits = NULL;
  g_autofree char *suffix = NULL;
  gboolean fraction = FALSE;

  while (g_ascii_isdigit (peek_byte (lexer, 0)))
    advance (lexer, 1);

  if (peek_byte (lexer, 0) == '.' && g_ascii_isdigit (peek_byte (lexer, 1)))
    {
      fraction = TRUE;
      advance (lexer, 1);
      while (g_ascii_isdigit (peek_byte (lexer, 0)))
        advance (lexer, 1);
    }

  digits = g_strndup (lexer->text + start, lexer->pos - start);
  token->number = g_ascii_strtod (digits, NULL);

  suffix_start = lexer->pos;
  while (!at_end (lexer) && is_word_char (lexer))
    advance (lexer, 1);
  suffix = g_strndup (lexer->text + suffix_start, lexer->pos - suffix_start);
  finish_token (lexer, token);

  if (strlen (digits) > MAX_DIGITS)
    {
      set_error (token, _("this number has too many digits"));
      return;
    }

  if (!(token->number <= MAX_NUMBER))
    {
      set_error (token, _("this number is too large"));
      return;
    }

  if (*suffix == '\0')
    return;

  if (g_ascii_strcasecmp (suffix, "h") == 0 || g_ascii_strcasecmp (suffix, "d") == 0)
    {
      gboolean days = g_ascii_tolower (*suffix) == 'd';

      if (fraction)
        {
          set_error (token, days ? _("windows are whole days or hours: write 36h rather than 1.5d")
                                 : _("windows are whole hours: write 2h rather than 1.5h"));
          return;
        }

      if (token->number > (days ? MAX_WINDOW_DAYS : MAX_WINDOW_DAYS * 24))
        {
          set_error (token, _("this duration is too long"));
          return;
        }

      token->kind = FD_TOKEN_DURATION;
      token->in_hours = !days;
      token->duration = (gint64)token->number * (days ? G_TIME_SPAN_DAY : G_TIME_SPAN_HOUR);
      return;
    }

  {
    g_autofree char *message = NULL;
    g_autofree char *written = g_strndup (lexer->text + start, lexer->pos - start);

    message = g_strdup_printf (_("\"%s\" is neither a number nor a window: windows are written "
                                 "like 3d (days) or 48h (hours)"),
                               written);
    set_error (token, message);
  }
}

/* A quoted string. Straight quotes take \" and \\ escapes; “curly” quotes
 * end at the closing curly quote. Strings do not span lines. */
static void
lex_string (Lexer *lexer)
{
  FdToken *token = start_token (lexer, FD_TOKEN_STRING);
  gboolean curly = looking_at (lexer, "\xE2\x80\x9C");
  GString *content = g_string_new (NULL);
  gboolean closed = FALSE;

  advance (lexer, curly ? 3 : 1);

  while (!at_end (lexer))
    {
      guchar c = peek_byte (lexer, 0);

      if (c == '\n' || c == '\r')
        break;

      if ((c < 0x20 && c != '\t') || c == 0x7f)
        {
          FdToken *bad;

          advance (lexer, 1);
          bad = &g_array_index (lexer->tokens, FdToken, lexer->tokens->len - 1);
          bad->text = g_string_free (content, FALSE);
          finish_token (lexer, bad);
          set_error (bad, _("text in quotes cannot hold control characters"));
          return;
        }

      if (curly ? looking_at (lexer, "\xE2\x80\x9D") : c == '"')
        {
          advance (lexer, curly ? 3 : 1);
          closed = TRUE;
          break;
        }

      if (!curly && c == '\\' && (peek_byte (lexer, 1) == '"' || peek_byte (lexer, 1) == '\\'))
        {
          g_string_append_c (content, (char)peek_byte (lexer, 1));
          advance (lexer, 2);
          continue;
        }

      g_string_append_c (content, (char)c);
      advance (lexer, 1);
    }

  token = &g_array_index (lexer->tokens, FdToken, lexer->tokens->len - 1);
  token->text = g_string_free (content, FALSE);
  finish_token (lexer, token);

  if (!closed)
    set_error (token, _("this text has no closing quote"));
}

typedef struct
{
  const char  *bytes;
  FdTokenKind  kind;
} Symbol;

/* Longest first, so that "<=" wins over "<". */
static const Symbol symbols[] = {
  { "<=", FD_TOKEN_LE },
  { ">=", FD_TOKEN_GE },
  { "==", FD_TOKEN_EQ },
  { "!=", FD_TOKEN_NE },
  { "<>", FD_TOKEN_NE },
  { "\xE2\x89\xA4", FD_TOKEN_LE },     /* ≤ */
  { "\xE2\x89\xA5", FD_TOKEN_GE },     /* ≥ */
  { "\xE2\x89\xA0", FD_TOKEN_NE },     /* ≠ */
  { "\xC3\x97", FD_TOKEN_STAR },       /* × */
  { "\xE2\x88\x92", FD_TOKEN_MINUS },  /* − */
  { "<", FD_TOKEN_LT },
  { ">", FD_TOKEN_GT },
  { "=", FD_TOKEN_EQ },
  { "(", FD_TOKEN_LPAREN },
  { ")", FD_TOKEN_RPAREN },
  { ",", FD_TOKEN_COMMA },
  { "+", FD_TOKEN_PLUS },
  { "-", FD_TOKEN_MINUS },
  { "*", FD_TOKEN_STAR },
  { "/", FD_TOKEN_SLASH },
  { "%", FD_TOKEN_PERCENT },
};

static gboolean
lex_symbol (Lexer *lexer)
{
  for (guint i = 0; i < G_N_ELEMENTS (symbols); i++)
    if (looking_at (lexer, symbols[i].bytes))
      {
        FdToken *token = start_token (lexer, symbols[i].kind);

        advance (lexer, strlen (symbols[i].bytes));
        finish_token (lexer, token);
        return TRUE;
      }

  return FALSE;
}

static void
lex_unexpected (Lexer *lexer)
{
  FdToken *token = start_token (lexer, FD_TOKEN_ERROR);
  const char *here = lexer->text + lexer->pos;
  gsize n = 1;
  g_autofree char *character = NULL;
  g_autofree char *message = NULL;

  /* One whole character, when the input is valid UTF-8 there. */
  if ((guchar)*here >= 0x80)
    {
      const char *next = g_utf8_find_next_char (here, lexer->text + lexer->length);

      n = next ? (gsize)(next - here) : lexer->length - lexer->pos;
      if (!g_utf8_validate (here, n, NULL))
        n = 1;
    }

  if (n == 1 && !g_ascii_isprint (*here))
    message = g_strdup_printf (_("unexpected character (byte 0x%02X)"), (guchar)*here);
  else
    {
      character = g_strndup (here, n);
      message = g_strdup_printf (_("unexpected character \"%s\""), character);
    }

  advance (lexer, n);
  token = &g_array_index (lexer->tokens, FdToken, lexer->tokens->len - 1);
  finish_token (lexer, token);
  set_error (token, message);
}

/**
 * fd_rule_lex:
 * @text: rule text; need not be NUL-terminated
 * @length: its length in bytes
 *
 * Returns: (transfer full) (element-type FdToken): the tokens, ending with
 *   one %FD_TOKEN_EOF
 */
GArray *
fd_rule_lex (const char *text,
             gsize       length)
{
  Lexer lexer = { text, length, 0, 1, 1, NULL };
  FdToken *eof;

  lexer.tokens = g_array_sized_new (FALSE, TRUE, sizeof (FdToken), 64);
  g_array_set_clear_func (lexer.tokens, clear_token);

  for (;;)
    {
      guchar c;

      skip_space_and_comments (&lexer);
      if (at_end (&lexer))
        break;

      c = peek_byte (&lexer, 0);

      if (c == '"' || looking_at (&lexer, "\xE2\x80\x9C"))
        lex_string (&lexer);
      else if (g_ascii_isdigit (c))
        lex_number (&lexer);
      else if (lex_symbol (&lexer))
        ;
      else if (is_word_start (&lexer))
        lex_word (&lexer);
      else
        lex_unexpected (&lexer);
    }

  eof = start_token (&lexer, FD_TOKEN_EOF);
  finish_token (&lexer, eof);

  return lexer.tokens;
}

const char *
fd_token_kind_describe (FdTokenKind kind)
{
  switch (kind)
    {
    case FD_TOKEN_EOF: return _("the end of the text");
    case FD_TOKEN_WORD: return _("a word");
    case FD_TOKEN_NUMBER: return _("a number");
    case FD_TOKEN_DURATION: return _("a duration");
    case FD_TOKEN_STRING: return _("text in quotes");
    case FD_TOKEN_PERCENT: return "\"%\"";
    case FD_TOKEN_LPAREN: return "\"(\"";
    case FD_TOKEN_RPAREN: return "\")\"";
    case FD_TOKEN_COMMA: return "\",\"";
    case FD_TOKEN_PLUS: return "\"+\"";
    case FD_TOKEN_MINUS: return "\"-\"";
    case FD_TOKEN_STAR: return "\"*\"";
    case FD_TOKEN_SLASH: return "\"/\"";
    case FD_TOKEN_LT: return "\"<\"";
    case FD_TOKEN_LE: return "\"<=\"";
    case FD_TOKEN_GT: return "\">\"";
    case FD_TOKEN_GE: return "\">=\"";
    case FD_TOKEN_EQ: return "\"==\"";
    case FD_TOKEN_NE: return "\"!=\"";
    case FD_TOKEN_ERROR: return _("an error");
    default: g_return_val_if_reached ("?");
    }
}
