/* test-ime.c
 *
 * Type-to-edit in the lines editor with an input method. Key events come
 * from the X server itself (XTest), so they go the whole way a typed key
 * goes: GDK, the window, the lines editor's key controller, the new text
 * field and its input method. The input method is a small pinyin-like one
 * of the test's own: it keeps a preedit for latin letters and turns "ce"
 * and a space into 测. Runs under Xvfb with the X11 backend.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <string.h>

#include <gtk/gtk.h>
#include <gtk/gtkimmodule.h>
#ifdef GDK_WINDOWING_X11
#include <gdk/x11/gdkx.h>
#endif
#ifdef HAVE_XTEST
#include <X11/extensions/XTest.h>
#include <X11/keysym.h>
#endif

#include "fiscal-application.h"
#include "fiscal-lines-view.h"
#include "fiscal-test-gui.h"
#include "fiscal-window.h"

#define TEST_PINYIN_ID "fiscal-test-pinyin"

static FiscalApplication *app;

/* What the test's input methods and the text fields did, in order. */

typedef struct
{
  GtkWidget *client;    /* the text field served; compared, never used */
  guint      keyval;
} OfferedKey;

typedef struct
{
  GtkWidget *text;      /* the GtkText; compared, never used */
  char      *preedit;   /* the preedit it was told of */
  char      *content;   /* what it held at that moment */
} ShownPreedit;

static GArray *offered_keys;      /* OfferedKey: each key press offered */
static GArray *shown_preedits;    /* ShownPreedit */

static void
shown_preedit_clear (gpointer data)
{
  ShownPreedit *shown = data;

  g_free (shown->preedit);
  g_free (shown->content);
}

static void
clear_logs (void)
{
  g_array_set_size (offered_keys, 0);
  g_array_set_size (shown_preedits, 0);
}

#ifdef HAVE_XTEST

/* The key presses the input method of @text was offered, by name:
 * "c e space". */
static char *
offered_to (GtkWidget *text)
{
  g_autoptr(GString) names = g_string_new (NULL);

  for (guint i = 0; i < offered_keys->len; i++)
    {
      OfferedKey *key = &g_array_index (offered_keys, OfferedKey, i);

      if (key->client != text)
        continue;
      if (names->len > 0)
        g_string_append_c (names, ' ');
      g_string_append (names, gdk_keyval_name (key->keyval));
    }

  return g_string_free (g_steal_pointer (&names), FALSE);
}

/* The preedits @text was told of, each with what the field held then:
 * "c" on "", "ce" on "". */
static char *
preedits_of (GtkWidget *text)
{
  g_autoptr(GString) shown = g_string_new (NULL);

  for (guint i = 0; i < shown_preedits->len; i++)
    {
      ShownPreedit *preedit = &g_array_index (shown_preedits, ShownPreedit, i);

      if (preedit->text != text)
        continue;
      if (shown->len > 0)
        g_string_append (shown, ", ");
      g_string_append_printf (shown, "\"%s\" on \"%s\"", preedit->preedit, preedit->content);
    }

  return g_string_free (g_steal_pointer (&shown), FALSE);
}

#endif

/* Sees every GtkText::preedit-changed, also of a text field made while a
 * key is being handled. */
static gboolean
preedit_changed_hook (GSignalInvocationHint *hint,
                      guint                  n_values,
                      const GValue          *values,
                      gpointer               user_data)
{
  GtkWidget *text = g_value_get_object (&values[0]);
  ShownPreedit shown = {
    text,
    g_value_dup_string (&values[1]),
    g_strdup (gtk_editable_get_text (GTK_EDITABLE (text))),
  };

  g_array_append_val (shown_preedits, shown);
  return TRUE;
}

/* The test's input method: latin letters make a preedit, a space turns
 * it into its character (or leaves it as typed), Enter takes it as typed,
 * Escape drops it; with no preedit, any other printable key is put in as
 * it is, as a real pinyin method does with digits. */

#define TEST_TYPE_PINYIN (test_pinyin_get_type ())
G_DECLARE_FINAL_TYPE (TestPinyin, test_pinyin, TEST, PINYIN, GtkIMContext)

struct _TestPinyin
{
  GtkIMContext  parent_instance;

  GtkWidget    *client;
  GString      *preedit;
};

G_DEFINE_FINAL_TYPE (TestPinyin, test_pinyin, GTK_TYPE_IM_CONTEXT)

static const struct
{
  const char *pinyin;
  const char *hanzi;
} syllables[] = {
  { "ce", "测" },
  { "shi", "试" },
};

static const char *
convert (const char *pinyin)
{
  for (guint i = 0; i < G_N_ELEMENTS (syllables); i++)
    if (g_str_equal (syllables[i].pinyin, pinyin))
      return syllables[i].hanzi;

  return pinyin;
}

/* Ends the preedit; @text, if any, is committed. */
static void
end_preedit (TestPinyin *self,
             const char *text)
{
  g_autofree char *committed = g_strdup (text);

  if (self->preedit->len == 0)
    return;

  g_string_truncate (self->preedit, 0);
  g_signal_emit_by_name (self, "preedit-changed");
  g_signal_emit_by_name (self, "preedit-end");
  if (committed != NULL)
    g_signal_emit_by_name (self, "commit", committed);
}

static gboolean
test_pinyin_filter_keypress (GtkIMContext *context,
                             GdkEvent     *event)
{
  TestPinyin *self = TEST_PINYIN (context);
  guint keyval = gdk_key_event_get_keyval (event);
  GdkModifierType state = gdk_event_get_modifier_state (event);
  OfferedKey key = { self->client, keyval };
  gunichar c;

  if (gdk_event_get_event_type (event) != GDK_KEY_PRESS)
    return FALSE;

  g_array_append_val (offered_keys, key);

  if ((state & (GDK_CONTROL_MASK | GDK_ALT_MASK)) != 0)
    return FALSE;

  if (keyval >= GDK_KEY_a && keyval <= GDK_KEY_z)
    {
      if (self->preedit->len == 0)
        g_signal_emit_by_name (self, "preedit-start");
      g_string_append_c (self->preedit, (char) keyval);
      g_signal_emit_by_name (self, "preedit-changed");
      return TRUE;
    }

  if (self->preedit->len > 0)
    {
      switch (keyval)
        {
        case GDK_KEY_space:
          end_preedit (self, convert (self->preedit->str));
          break;

        case GDK_KEY_Return:
        case GDK_KEY_KP_Enter:
          end_preedit (self, self->preedit->str);
          break;

        case GDK_KEY_Escape:
          end_preedit (self, NULL);
          break;

        case GDK_KEY_BackSpace:
          g_string_truncate (self->preedit, self->preedit->len - 1);
          g_signal_emit_by_name (self, "preedit-changed");
          if (self->preedit->len == 0)
            g_signal_emit_by_name (self, "preedit-end");
          break;

        default:
          /* A candidate window would take it. */
          break;
        }
      return TRUE;
    }

  c = gdk_keyval_to_unicode (keyval);
  if (c != 0 && g_unichar_isprint (c))
    {
      char typed[8] = { 0 };

      g_unichar_to_utf8 (c, typed);
      g_signal_emit_by_name (self, "commit", typed);
      return TRUE;
    }

  return FALSE;
}

static void
test_pinyin_get_preedit_string (GtkIMContext   *context,
                                char          **str,
                                PangoAttrList **attrs,
                                int            *cursor_pos)
{
  TestPinyin *self = TEST_PINYIN (context);

  if (str != NULL)
    *str = g_strdup (self->preedit->str);
  if (attrs != NULL)
    {
      *attrs = pango_attr_list_new ();
      if (self->preedit->len > 0)
        {
          PangoAttribute *underline = pango_attr_underline_new (PANGO_UNDERLINE_SINGLE);

          underline->start_index = 0;
          underline->end_index = self->preedit->len;
          pango_attr_list_insert (*attrs, underline);
        }
    }
  if (cursor_pos != NULL)
    *cursor_pos = g_utf8_strlen (self->preedit->str, -1);
}

static void
test_pinyin_set_client_widget (GtkIMContext *context,
                               GtkWidget    *widget)
{
  TEST_PINYIN (context)->client = widget;
}

static void
test_pinyin_reset (GtkIMContext *context)
{
  end_preedit (TEST_PINYIN (context), NULL);
}

static void
test_pinyin_finalize (GObject *object)
{
  TestPinyin *self = TEST_PINYIN (object);

  g_string_free (self->preedit, TRUE);

  G_OBJECT_CLASS (test_pinyin_parent_class)->finalize (object);
}

static void
test_pinyin_class_init (TestPinyinClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkIMContextClass *im_class = GTK_IM_CONTEXT_CLASS (klass);

  object_class->finalize = test_pinyin_finalize;
  im_class->filter_keypress = test_pinyin_filter_keypress;
  im_class->get_preedit_string = test_pinyin_get_preedit_string;
  im_class->set_client_widget = test_pinyin_set_client_widget;
  im_class->reset = test_pinyin_reset;
}

static void
test_pinyin_init (TestPinyin *self)
{
  self->preedit = g_string_new (NULL);
}

/* The window and the X server. */

#ifdef HAVE_XTEST

static gboolean
timed_out_cb (gpointer user_data)
{
  gboolean *timed_out = user_data;

  *timed_out = TRUE;
  return G_SOURCE_REMOVE;
}

/* Runs the main loop until *@count exceeds @than, for five seconds at
 * most; returns whether it did. */
static gboolean
wait_for_count (const guint *count,
                guint        than)
{
  gboolean timed_out = FALSE;
  guint id = g_timeout_add_seconds (5, timed_out_cb, &timed_out);

  while (*count <= than && !timed_out)
    g_main_context_iteration (NULL, TRUE);
  if (!timed_out)
    g_source_remove (id);

  return *count > than;
}

/* The keys the window was given, as GDK made them from the X server's
 * events: counted before any widget of the window handles them. */

static guint window_presses;
static guint window_releases;
static guint window_last_keyval;

static gboolean
window_key_pressed_cb (GtkEventControllerKey *controller,
                       guint                  keyval,
                       guint                  keycode,
                       GdkModifierType        state,
                       gpointer               user_data)
{
  /* A real event, not one emitted by hand. */
  g_assert_nonnull (gtk_event_controller_get_current_event (GTK_EVENT_CONTROLLER (controller)));
  window_presses++;
  window_last_keyval = keyval;
  return FALSE;
}

static void
window_key_released_cb (GtkEventControllerKey *controller,
                        guint                  keyval,
                        guint                  keycode,
                        GdkModifierType        state,
                        gpointer               user_data)
{
  window_releases++;
}

/* Presses and releases the key of @keysym on the X server's keyboard and
 * waits until the window has had both. */
static void
type_key (GtkWindow *window,
          KeySym     keysym)
{
  Display *xdisplay = gdk_x11_display_get_xdisplay (gtk_widget_get_display (GTK_WIDGET (window)));
  KeyCode keycode = XKeysymToKeycode (xdisplay, keysym);
  guint presses = window_presses;
  guint releases = window_releases;

  g_assert_cmpuint (keycode, !=, 0);
  XTestFakeKeyEvent (xdisplay, keycode, True, CurrentTime);
  XTestFakeKeyEvent (xdisplay, keycode, False, CurrentTime);
  XFlush (xdisplay);

  g_assert_true (wait_for_count (&window_releases, releases));
  g_assert_cmpuint (window_presses, ==, presses + 1);
  g_assert_cmpuint (window_last_keyval, ==, keysym);
}

/* Gives @window the X server's keyboard focus and waits until GTK has
 * taken it. Without a window manager the focus would follow the pointer,
 * wherever that is. */
static gboolean
take_keyboard_focus (GtkWindow *window)
{
  GdkDisplay *display = gtk_widget_get_display (GTK_WIDGET (window));
  GdkSurface *surface = gtk_native_get_surface (GTK_NATIVE (window));
  gboolean timed_out = FALSE;
  guint id;

  gdk_x11_display_error_trap_push (display);
  XSetInputFocus (gdk_x11_display_get_xdisplay (display), gdk_x11_surface_get_xid (surface),
                  RevertToParent, CurrentTime);
  XFlush (gdk_x11_display_get_xdisplay (display));
  if (gdk_x11_display_error_trap_pop (display) != 0)
    return FALSE;

  id = g_timeout_add_seconds (5, timed_out_cb, &timed_out);
  while (!gtk_window_is_active (window) && !timed_out)
    g_main_context_iteration (NULL, TRUE);
  if (!timed_out)
    g_source_remove (id);

  return gtk_window_is_active (window);
}

/* A window on the Budget Lines page of the example budget, amounts in
 * 万元, with the keyboard focus and its keys counted; or %NULL, the test
 * skipped, if the X server cannot make key events. */
static FiscalWindow *
open_lines_window (FiscalLinesView **lines_out)
{
  g_autoptr(GFile) file = fiscal_test_example_file ();
  FiscalWindow *window;
  FiscalLinesView *lines;
  GtkEventController *keys;
  GdkDisplay *display = gdk_display_get_default ();
  int event_base, error_base, major, minor;

  if (!GDK_IS_X11_DISPLAY (display))
    {
      g_test_skip ("Real key events need the X11 backend (GDK_BACKEND=x11)");
      return NULL;
    }
  if (!XTestQueryExtension (gdk_x11_display_get_xdisplay (display), &event_base, &error_base, &major, &minor))
    {
      g_test_skip ("The X server has no XTEST extension to make key events with");
      return NULL;
    }

  window = fiscal_window_new (app);
  g_assert_true (fiscal_window_open (window, file));
  gtk_window_set_default_size (GTK_WINDOW (window), 1200, 800);
  keys = gtk_event_controller_key_new ();
  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect (keys, "key-pressed", G_CALLBACK (window_key_pressed_cb), NULL);
  g_signal_connect (keys, "key-released", G_CALLBACK (window_key_released_cb), NULL);
  gtk_widget_add_controller (GTK_WIDGET (window), keys);
  gtk_window_present (GTK_WINDOW (window));
  fiscal_window_show_page (window, "lines");
  lines = FISCAL_LINES_VIEW (fiscal_test_find_widget (GTK_WIDGET (window), FISCAL_TYPE_LINES_VIEW));
  g_assert_nonnull (lines);
  fiscal_lines_view_set_wan (lines, TRUE);
  fiscal_test_wait_for_frame (GTK_WIDGET (lines));

  g_assert_true (take_keyboard_focus (GTK_WINDOW (window)));

  *lines_out = lines;
  return window;
}

/* On a note, "c", "e" and a space type 测: the input method has every
 * key from the first, shows "c" and "ce" as a preedit without putting
 * them in the text, and commits 测; Enter stores it. */
static void
test_note_pinyin (void)
{
  FiscalLinesView *lines = NULL;
  FiscalWindow *window = open_lines_window (&lines);
  g_autofree char *keys = NULL;
  g_autofree char *preedits = NULL;
  FiscalLine *line, *next;
  GtkWidget *editor;
  const char *note;

  if (window == NULL)
    return;

  line = fiscal_lines_view_get_shown (lines, 0);
  next = fiscal_lines_view_get_shown (lines, 1);
  g_assert_cmpstr (fiscal_line_get_id (line), ==, "l1");
  g_assert_cmpstr (fiscal_line_get_note (line), ==, "在职人员基本工资");

  g_assert_true (fiscal_lines_view_focus_cell (lines, line, "note"));
  fiscal_test_assert_lines_focus (lines, line, "note", FALSE);
  g_assert_null (fiscal_test_lines_editor (lines));
  clear_logs ();

  /* The first key makes the text field, whose input method has it. */
  type_key (GTK_WINDOW (window), XK_c);
  fiscal_test_assert_lines_focus (lines, line, "note", TRUE);
  editor = fiscal_test_lines_editor (lines);
  g_assert_nonnull (editor);
  g_assert_true (gtk_root_get_focus (GTK_ROOT (window)) == editor);
  keys = offered_to (editor);
  g_assert_cmpstr (keys, ==, "c");
  g_clear_pointer (&keys, g_free);
  preedits = preedits_of (editor);
  g_assert_cmpstr (preedits, ==, "\"c\" on \"\"");
  g_clear_pointer (&preedits, g_free);
  /* The input method has it, so it is not in the text. */
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (editor)), ==, "");

  type_key (GTK_WINDOW (window), XK_e);
  g_assert_true (fiscal_test_lines_editor (lines) == editor);
  keys = offered_to (editor);
  g_assert_cmpstr (keys, ==, "c e");
  g_clear_pointer (&keys, g_free);
  preedits = preedits_of (editor);
  g_assert_cmpstr (preedits, ==, "\"c\" on \"\", \"ce\" on \"\"");
  g_clear_pointer (&preedits, g_free);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (editor)), ==, "");

  /* The space chooses 测; the preedit goes. */
  type_key (GTK_WINDOW (window), XK_space);
  g_assert_true (fiscal_test_lines_editor (lines) == editor);
  keys = offered_to (editor);
  g_assert_cmpstr (keys, ==, "c e space");
  preedits = preedits_of (editor);
  g_assert_cmpstr (preedits, ==, "\"c\" on \"\", \"ce\" on \"\", \"\" on \"\"");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (editor)), ==, "测");

  /* Enter stores the note and moves down. */
  type_key (GTK_WINDOW (window), XK_Return);
  g_assert_null (fiscal_test_lines_editor (lines));
  note = fiscal_line_get_note (line);
  g_assert_cmpstr (note, ==, "测");
  g_assert_null (strchr (note, 'c'));
  g_assert_null (strchr (note, 'e'));
  fiscal_test_assert_lines_focus (lines, next, "note", FALSE);

  /* The method of no other text field was offered those keys. */
  g_assert_cmpuint (offered_keys->len, ==, 3);

  gtk_window_destroy (GTK_WINDOW (window));
  fiscal_test_iterate ();
}

/* While the input method has a preedit, Enter and Escape are its own:
 * Enter takes the latin letters as typed and Escape drops them, and the
 * cell stays in editing; with no preedit, Enter stores the note. */
static void
test_note_keys_in_preedit (void)
{
  FiscalLinesView *lines = NULL;
  FiscalWindow *window = open_lines_window (&lines);
  g_autofree char *keys = NULL;
  g_autofree char *preedits = NULL;
  FiscalLine *line, *next;
  GtkWidget *editor;

  if (window == NULL)
    return;

  line = fiscal_lines_view_get_shown (lines, 2);
  next = fiscal_lines_view_get_shown (lines, 3);
  g_assert_cmpstr (fiscal_line_get_id (line), ==, "l3");
  g_assert_cmpstr (fiscal_line_get_note (line), ==, "年终一次性奖金");

  g_assert_true (fiscal_lines_view_focus_cell (lines, line, "note"));
  fiscal_test_assert_lines_focus (lines, line, "note", FALSE);
  clear_logs ();

  type_key (GTK_WINDOW (window), XK_c);
  type_key (GTK_WINDOW (window), XK_e);
  editor = fiscal_test_lines_editor (lines);
  g_assert_nonnull (editor);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (editor)), ==, "");

  /* Enter takes "ce" as typed; the note is not stored yet. */
  type_key (GTK_WINDOW (window), XK_Return);
  g_assert_true (fiscal_test_lines_editor (lines) == editor);
  fiscal_test_assert_lines_focus (lines, line, "note", TRUE);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (editor)), ==, "ce");
  g_assert_cmpstr (fiscal_line_get_note (line), ==, "年终一次性奖金");

  /* Escape drops the preedit "s", not the edit. */
  type_key (GTK_WINDOW (window), XK_s);
  type_key (GTK_WINDOW (window), XK_Escape);
  g_assert_true (fiscal_test_lines_editor (lines) == editor);
  fiscal_test_assert_lines_focus (lines, line, "note", TRUE);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (editor)), ==, "ce");

  keys = offered_to (editor);
  g_assert_cmpstr (keys, ==, "c e Return s Escape");
  preedits = preedits_of (editor);
  g_assert_cmpstr (preedits, ==, "\"c\" on \"\", \"ce\" on \"\", \"\" on \"\", \"s\" on \"ce\", \"\" on \"ce\"");

  /* No preedit: Enter is the editor's again, and stores the note. */
  type_key (GTK_WINDOW (window), XK_Return);
  g_assert_null (fiscal_test_lines_editor (lines));
  g_assert_cmpstr (fiscal_line_get_note (line), ==, "ce");
  fiscal_test_assert_lines_focus (lines, next, "note", FALSE);
  g_assert_cmpuint (offered_keys->len, ==, 5);

  gtk_window_destroy (GTK_WINDOW (window));
  fiscal_test_iterate ();
}

/* On an amount, "1" and "2" go through the input method from the first
 * key too, and Enter stores 12 万元. */
static void
test_amount_digits (void)
{
  FiscalLinesView *lines = NULL;
  FiscalWindow *window = open_lines_window (&lines);
  g_autofree char *keys = NULL;
  g_autofree char *preedits = NULL;
  FiscalLine *line, *next;
  GtkWidget *editor;

  if (window == NULL)
    return;

  line = fiscal_lines_view_get_shown (lines, 1);
  next = fiscal_lines_view_get_shown (lines, 2);
  g_assert_cmpstr (fiscal_line_get_id (line), ==, "l2");
  g_assert_cmpint (fiscal_line_get_amount (line), ==, G_GINT64_CONSTANT (16945200));

  g_assert_true (fiscal_lines_view_focus_cell (lines, line, "amount"));
  fiscal_test_assert_lines_focus (lines, line, "amount", FALSE);
  clear_logs ();

  type_key (GTK_WINDOW (window), XK_1);
  fiscal_test_assert_lines_focus (lines, line, "amount", TRUE);
  editor = fiscal_test_lines_editor (lines);
  g_assert_nonnull (editor);
  keys = offered_to (editor);
  g_assert_cmpstr (keys, ==, "1");
  g_clear_pointer (&keys, g_free);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (editor)), ==, "1");

  type_key (GTK_WINDOW (window), XK_2);
  keys = offered_to (editor);
  g_assert_cmpstr (keys, ==, "1 2");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (editor)), ==, "12");
  /* Digits make no preedit. */
  preedits = preedits_of (editor);
  g_assert_cmpstr (preedits, ==, "");

  /* 12 万元 is 120 000 元, 12 000 000 分. */
  type_key (GTK_WINDOW (window), XK_Return);
  g_assert_null (fiscal_test_lines_editor (lines));
  g_assert_cmpint (fiscal_line_get_amount (line), ==, G_GINT64_CONSTANT (12000000));
  fiscal_test_assert_lines_focus (lines, next, "amount", FALSE);
  g_assert_cmpuint (offered_keys->len, ==, 2);

  gtk_window_destroy (GTK_WINDOW (window));
  fiscal_test_iterate ();
}

#else

static void
test_without_xtest (void)
{
  g_test_skip ("Built without libXtst (libxtst-dev): no real key events to type with");
}

#endif

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GTypeClass) text_class = NULL;
  const char *localedir = g_getenv ("FISCAL_LOCALEDIR");
  int ret;

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, localedir ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  /* The input method is chosen by the setting below, as a desktop chooses
   * it; an input method named in the environment would come first. */
  g_unsetenv ("GTK_IM_MODULE");

  gtk_test_init (&argc, &argv, NULL);

  g_io_extension_point_implement (GTK_IM_MODULE_EXTENSION_POINT_NAME, TEST_TYPE_PINYIN, TEST_PINYIN_ID, 0);
  g_object_set (gtk_settings_get_default (), "gtk-im-module", TEST_PINYIN_ID, NULL);

  offered_keys = g_array_new (FALSE, TRUE, sizeof (OfferedKey));
  shown_preedits = g_array_new (FALSE, TRUE, sizeof (ShownPreedit));
  g_array_set_clear_func (shown_preedits, shown_preedit_clear);
  text_class = g_type_class_ref (GTK_TYPE_TEXT);
  g_signal_add_emission_hook (g_signal_lookup ("preedit-changed", GTK_TYPE_TEXT), 0,
                              preedit_changed_hook, NULL, NULL);

  app = fiscal_application_new ();
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, &error));
  g_assert_no_error (error);

#ifdef HAVE_XTEST
  g_test_add_func ("/ime/note-pinyin", test_note_pinyin);
  g_test_add_func ("/ime/note-keys-in-preedit", test_note_keys_in_preedit);
  g_test_add_func ("/ime/amount-digits", test_amount_digits);
#else
  g_test_add_func ("/ime/note-pinyin", test_without_xtest);
#endif

  ret = g_test_run ();
  g_clear_object (&app);
  g_array_unref (offered_keys);
  g_array_unref (shown_preedits);

  return ret;
}
