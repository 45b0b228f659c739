/* fd-cli-assets.h
 *
 * Copyright 2026 The Flightdeck authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "fd-asset.h"
#include "fd-cli-private.h"

G_BEGIN_DECLS

/* Shared by the asset, review and policy commands. The parsers print the
 * usage error and set @status when they return %FALSE. */

gboolean  fd_cli_parse_asset_id       (const char    *text,
                                       gint64        *id,
                                       int           *status);
gboolean  fd_cli_parse_optional_id    (const char    *text,
                                       const char    *what,
                                       gint64        *id,
                                       int           *status);
gboolean  fd_cli_parse_kind           (const char    *text,
                                       FdAssetKind   *kind,
                                       int           *status);
gboolean  fd_cli_parse_state          (const char    *text,
                                       FdAssetState  *state,
                                       int           *status);
gboolean  fd_cli_parse_due            (const char    *text,
                                       gint64        *due_us,
                                       int           *status);
char     *fd_cli_format_day           (gint64         us);
FdStore  *fd_cli_acting               (FdCli         *cli,
                                       gint64        *person_id,
                                       GError       **error);
char     *fd_cli_read_text            (const char    *text,
                                       const char    *file,
                                       GError       **error);

/* The options of `review`, for its comment and override actions
 * (fd-cli-comments.c). */
typedef struct
{
  char *feedback;
  char *frame;
  char *at;
  char *range;
  char *rect;
  char *freehand;
  char *chars;
  char *version;
  char *reason;
} FdCliReviewOptions;

void      fd_cli_review_options_clear (FdCliReviewOptions *options);
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (FdCliReviewOptions, fd_cli_review_options_clear)

int       fd_cli_review_comments      (FdCli                    *cli,
                                       gint64                    asset_id,
                                       const char               *action,
                                       const char               *arg,
                                       const FdCliReviewOptions *options);

void      fd_cli_json_add_string      (JsonBuilder   *builder,
                                       const char    *name,
                                       const char    *value);
void      fd_cli_json_add_int         (JsonBuilder   *builder,
                                       const char    *name,
                                       gint64         value);
void      fd_cli_json_add_optional_int (JsonBuilder  *builder,
                                       const char    *name,
                                       gint64         value);
void      fd_cli_json_add_reviewers   (JsonBuilder   *builder,
                                       GPtrArray     *reviewers);
void      fd_cli_json_add_asset       (JsonBuilder   *builder,
                                       FdAsset       *asset);

int       fd_cli_asset_list           (FdCli         *cli,
                                       int            argc,
                                       char         **argv);
int       fd_cli_asset_show           (FdCli         *cli,
                                       int            argc,
                                       char         **argv);
int       fd_cli_asset_history        (FdCli         *cli,
                                       int            argc,
                                       char         **argv);
int       fd_cli_review               (FdCli         *cli,
                                       int            argc,
                                       char         **argv);
int       fd_cli_policy_set           (FdCli         *cli,
                                       int            argc,
                                       char         **argv);
int       fd_cli_policy_list          (FdCli         *cli,
                                       int            argc,
                                       char         **argv);

G_END_DECLS
