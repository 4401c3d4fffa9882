/* test-money.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "fiscal-core.h"

static void
assert_parse (const char *text,
              gint64      expected)
{
  g_autoptr(GError) error = NULL;
  gint64 fen = -1;

  g_assert_true (fiscal_money_parse (text, &fen, &error));
  g_assert_no_error (error);
  g_assert_cmpint (fen, ==, expected);
}

static void
assert_parse_fails (const char *text,
                    int         code)
{
  g_autoptr(GError) error = NULL;
  gint64 fen = 12345;

  g_assert_false (fiscal_money_parse (text, &fen, &error));
  g_assert_error (error, FISCAL_ERROR, code);
  g_assert_cmpint (fen, ==, 12345);
}

static void
test_parse_valid (void)
{
  assert_parse ("1058700.00", 105870000);
  assert_parse ("1,058,700.00", 105870000);
  assert_parse ("317000", 31700000);
  assert_parse ("0.5", 50);
  assert_parse ("0.05", 5);
  assert_parse ("-12.34", -1234);
  assert_parse ("+7", 700);
  assert_parse ("  42.10 ", 4210);
  assert_parse ("0", 0);
  assert_parse ("-0.00", 0);
  assert_parse ("999", 99900);
  assert_parse ("1,000", 100000);
  /* The ceiling, 10^15 元, and nothing beyond it. */
  assert_parse ("1000000000000000.00", FISCAL_MONEY_MAX);
  assert_parse ("-1,000,000,000,000,000", -FISCAL_MONEY_MAX);
  assert_parse ("999999999999999.99", FISCAL_MONEY_MAX - 1);
  assert_parse ("0001000000000000000.00", FISCAL_MONEY_MAX);
}

static void
test_parse_invalid (void)
{
  assert_parse_fails ("", FISCAL_ERROR_AMOUNT_SYNTAX);
  assert_parse_fails (NULL, FISCAL_ERROR_AMOUNT_SYNTAX);
  assert_parse_fails ("12a.00", FISCAL_ERROR_AMOUNT_SYNTAX);
  assert_parse_fails ("1.2.3", FISCAL_ERROR_AMOUNT_SYNTAX);
  assert_parse_fails ("１２", FISCAL_ERROR_AMOUNT_SYNTAX);
  assert_parse_fails ("12.", FISCAL_ERROR_AMOUNT_SYNTAX);
  assert_parse_fails (".5", FISCAL_ERROR_AMOUNT_SYNTAX);
  assert_parse_fails ("-", FISCAL_ERROR_AMOUNT_SYNTAX);
  assert_parse_fails ("1,00", FISCAL_ERROR_AMOUNT_SYNTAX);
  assert_parse_fails ("1234,567", FISCAL_ERROR_AMOUNT_SYNTAX);
  assert_parse_fails ("1,234,56", FISCAL_ERROR_AMOUNT_SYNTAX);
  assert_parse_fails (",123", FISCAL_ERROR_AMOUNT_SYNTAX);
  assert_parse_fails ("1 000", FISCAL_ERROR_AMOUNT_SYNTAX);
  assert_parse_fails ("1e5", FISCAL_ERROR_AMOUNT_SYNTAX);
  assert_parse_fails ("10.123", FISCAL_ERROR_AMOUNT_PRECISION);
  assert_parse_fails ("10.001", FISCAL_ERROR_AMOUNT_PRECISION);
  assert_parse_fails ("92233720368547758.08", FISCAL_ERROR_AMOUNT_OVERFLOW);
  assert_parse_fails ("-92233720368547758.08", FISCAL_ERROR_AMOUNT_OVERFLOW);
  assert_parse_fails ("99999999999999999999.00", FISCAL_ERROR_AMOUNT_OVERFLOW);
  /* Within a gint64, but above the ceiling. */
  assert_parse_fails ("92233720368547758.07", FISCAL_ERROR_AMOUNT_OVERFLOW);
  assert_parse_fails ("-92,233,720,368,547,758.07", FISCAL_ERROR_AMOUNT_OVERFLOW);
  assert_parse_fails ("1000000000000000.01", FISCAL_ERROR_AMOUNT_OVERFLOW);
  assert_parse_fails ("-1000000000000000.01", FISCAL_ERROR_AMOUNT_OVERFLOW);
  assert_parse_fails ("1,000,000,000,000,001", FISCAL_ERROR_AMOUNT_OVERFLOW);
}

/* The refusal names the amount and the ceiling. */
static void
test_parse_ceiling_message (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) wan_error = NULL;
  gint64 fen = 0;

  g_assert_false (fiscal_money_parse ("92233720368547758.07", &fen, &error));
  g_assert_error (error, FISCAL_ERROR, FISCAL_ERROR_AMOUNT_OVERFLOW);
  g_assert_nonnull (strstr (error->message, "92233720368547758.07"));
  g_assert_nonnull (strstr (error->message, FISCAL_MONEY_MAX_YUAN));
  g_assert_nonnull (strstr (error->message, "exceeds"));

  /* 10^11 万元 is the same ceiling. */
  g_assert_true (fiscal_money_parse_wan ("100000000000", &fen, NULL));
  g_assert_cmpint (fen, ==, FISCAL_MONEY_MAX);
  g_assert_true (fiscal_money_parse_wan ("-100000000000.000000", &fen, NULL));
  g_assert_cmpint (fen, ==, -FISCAL_MONEY_MAX);
  g_assert_false (fiscal_money_parse_wan ("100000000000.000001", &fen, &wan_error));
  g_assert_error (wan_error, FISCAL_ERROR, FISCAL_ERROR_AMOUNT_OVERFLOW);
  g_assert_nonnull (strstr (wan_error->message, FISCAL_MONEY_MAX_YUAN));
}

static void
test_parse_wan (void)
{
  g_autoptr(GError) error = NULL;
  gint64 fen;

  g_assert_true (fiscal_money_parse_wan ("318.10", &fen, NULL));
  g_assert_cmpint (fen, ==, 318100000);
  g_assert_true (fiscal_money_parse_wan ("0.000001", &fen, NULL));
  g_assert_cmpint (fen, ==, 1);
  g_assert_false (fiscal_money_parse_wan ("0.0000001", &fen, &error));
  g_assert_error (error, FISCAL_ERROR, FISCAL_ERROR_AMOUNT_PRECISION);
}

static void
assert_wan (gint64      fen,
            const char *expected)
{
  g_autofree char *text = fiscal_money_format_wan (fen);
  g_assert_cmpstr (text, ==, expected);
}

static void
test_format (void)
{
  g_autofree char *yuan = fiscal_money_format_yuan (105870000);
  g_autofree char *grouped = fiscal_money_format_yuan_grouped (-105870012);
  g_autofree char *small = fiscal_money_format_yuan (5);
  g_autofree char *max = fiscal_money_format_yuan_grouped (G_MAXINT64);

  g_assert_cmpstr (yuan, ==, "1058700.00");
  g_assert_cmpstr (grouped, ==, "-1,058,700.12");
  g_assert_cmpstr (small, ==, "0.05");
  g_assert_cmpstr (max, ==, "92,233,720,368,547,758.07");

  assert_wan (318100000, "318.10");
  assert_wan (0, "0.00");
  assert_wan (4999, "0.00");      /* 49.99 元 */
  assert_wan (5000, "0.01");      /* 50.00 元 rounds half up */
  assert_wan (-5000, "-0.01");
  assert_wan (-4999, "0.00");     /* no "-0.00" */
  assert_wan (1259749999, "1259.75");
  assert_wan (G_MAXINT64, "9223372036854.78");
  assert_wan (-G_MAXINT64, "-9223372036854.78");
}

static void
test_ratio (void)
{
  g_autofree char *pct = fiscal_ratio_format_percent (205100000, 318100000);
  g_autofree char *neg = fiscal_ratio_format_percent (-27210000, 232310000);

  g_assert_cmpstr (pct, ==, "64.48%");
  g_assert_cmpstr (neg, ==, "-11.71%");
  g_assert_cmpint (fiscal_ratio_basis_points (1, 2), ==, 5000);
  g_assert_cmpint (fiscal_ratio_basis_points (1, 3), ==, 3333);
  g_assert_cmpint (fiscal_ratio_basis_points (2, 3), ==, 6667);
  g_assert_cmpint (fiscal_ratio_basis_points (1, 0), ==, 0);
  /* 0.125% is exactly half-way between 0.12% and 0.13%: half up. */
  g_assert_cmpint (fiscal_ratio_basis_points (1, 800), ==, 13);
  g_assert_cmpint (fiscal_ratio_basis_points (-1, 800), ==, -13);
  /* No overflow on the largest amounts. */
  g_assert_cmpint (fiscal_ratio_basis_points (G_MAXINT64, G_MAXINT64), ==, 10000);
  g_assert_cmpint (fiscal_ratio_basis_points (FISCAL_MONEY_MAX, FISCAL_MONEY_MAX), ==, 10000);
  g_assert_cmpint (fiscal_ratio_basis_points (-FISCAL_MONEY_MAX, FISCAL_MONEY_MAX), ==, -10000);
  g_assert_cmpint (fiscal_ratio_basis_points (1, FISCAL_MONEY_MAX), ==, 0);
}

/* A part far larger than its whole is clamped, never wrapped: 10^17 / 1 is
 * 10^21 basis points, more than a gint64 holds. */
static void
test_ratio_clamped (void)
{
  g_autofree char *pct = NULL;

  g_assert_cmpint (fiscal_ratio_basis_points (FISCAL_MONEY_MAX, 1), ==, FISCAL_RATIO_BASIS_POINTS_MAX);
  g_assert_cmpint (fiscal_ratio_basis_points (-FISCAL_MONEY_MAX, 1), ==, -FISCAL_RATIO_BASIS_POINTS_MAX);
  g_assert_cmpint (fiscal_ratio_basis_points (FISCAL_MONEY_MAX, -1), ==, -FISCAL_RATIO_BASIS_POINTS_MAX);
  g_assert_cmpint (fiscal_ratio_basis_points (G_MAXINT64, 1), ==, FISCAL_RATIO_BASIS_POINTS_MAX);
  g_assert_cmpint (fiscal_ratio_basis_points (G_MININT64 + 1, 1), ==, -FISCAL_RATIO_BASIS_POINTS_MAX);
  /* Just below the bound it is exact. */
  g_assert_cmpint (fiscal_ratio_basis_points (FISCAL_RATIO_BASIS_POINTS_MAX / 10000, 1), ==, FISCAL_RATIO_BASIS_POINTS_MAX);
  g_assert_cmpint (fiscal_ratio_basis_points (FISCAL_RATIO_BASIS_POINTS_MAX / 10000 - 1, 1), ==, FISCAL_RATIO_BASIS_POINTS_MAX - 10000);

  pct = fiscal_ratio_format_percent (FISCAL_MONEY_MAX, 1);
  g_assert_cmpstr (pct, ==, "10000000000000000.00%");
}

static void
test_add (void)
{
  gint64 sum;

  g_assert_true (fiscal_money_add (1, 2, &sum));
  g_assert_cmpint (sum, ==, 3);
  g_assert_false (fiscal_money_add (G_MAXINT64, 1, &sum));
  g_assert_false (fiscal_money_add (G_MININT64, -1, &sum));
  g_assert_cmpint (sum, ==, 3);
  /* The range of money is ±FISCAL_MONEY_MAX, not that of a gint64. */
  g_assert_false (fiscal_money_add (G_MAXINT64, -1, &sum));
  g_assert_false (fiscal_money_add (FISCAL_MONEY_MAX, 1, &sum));
  g_assert_false (fiscal_money_add (-FISCAL_MONEY_MAX, -1, &sum));
  g_assert_cmpint (sum, ==, 3);
  g_assert_true (fiscal_money_add (FISCAL_MONEY_MAX, -1, &sum));
  g_assert_cmpint (sum, ==, FISCAL_MONEY_MAX - 1);
  g_assert_true (fiscal_money_add (FISCAL_MONEY_MAX, -FISCAL_MONEY_MAX, &sum));
  g_assert_cmpint (sum, ==, 0);
}

/* The saturating sum: exact inside the range, the nearer end of it outside,
 * and FALSE then; no pair of gint64 overflows. */
static void
test_accumulate (void)
{
  static const struct { gint64 sum, add, expected; gboolean exact; } cases[] = {
    { 0, 0, 0, TRUE },
    { 1, 2, 3, TRUE },
    { FISCAL_MONEY_MAX - 1, 1, FISCAL_MONEY_MAX, TRUE },
    { FISCAL_MONEY_MAX, 1, FISCAL_MONEY_MAX, FALSE },
    { -FISCAL_MONEY_MAX, -1, -FISCAL_MONEY_MAX, FALSE },
    { FISCAL_MONEY_MAX, FISCAL_MONEY_MAX, FISCAL_MONEY_MAX, FALSE },
    { -FISCAL_MONEY_MAX, -FISCAL_MONEY_MAX, -FISCAL_MONEY_MAX, FALSE },
    { FISCAL_MONEY_MAX, -FISCAL_MONEY_MAX, 0, TRUE },
    /* Outside the range on input, and the gint64 overflow itself. */
    { G_MAXINT64, G_MAXINT64, FISCAL_MONEY_MAX, FALSE },
    { G_MININT64, G_MININT64, -FISCAL_MONEY_MAX, FALSE },
    { G_MININT64, -1, -FISCAL_MONEY_MAX, FALSE },
    { G_MAXINT64, G_MININT64, -1, TRUE },
    { 0, G_MAXINT64, FISCAL_MONEY_MAX, FALSE },
    { 0, G_MININT64, -FISCAL_MONEY_MAX, FALSE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      gint64 sum = cases[i].sum;

      g_assert_cmpint (fiscal_money_accumulate (&sum, cases[i].add), ==, cases[i].exact);
      g_assert_cmpint (sum, ==, cases[i].expected);
      g_assert_cmpint (fiscal_money_add_clamped (cases[i].sum, cases[i].add), ==, cases[i].expected);
    }

  /* Two lines at 92,233,720,368,547,758.07 元 wrapped to −0.02 元 before. */
  {
    gint64 sum = 0;

    g_assert_true (fiscal_money_accumulate (&sum, FISCAL_MONEY_MAX));
    g_assert_false (fiscal_money_accumulate (&sum, FISCAL_MONEY_MAX));
    g_assert_cmpint (sum, ==, FISCAL_MONEY_MAX);
  }
}

static void
test_sub_mul_negate (void)
{
  g_assert_cmpint (fiscal_money_sub_clamped (5, 7), ==, -2);
  g_assert_cmpint (fiscal_money_sub_clamped (FISCAL_MONEY_MAX, -FISCAL_MONEY_MAX), ==, FISCAL_MONEY_MAX);
  g_assert_cmpint (fiscal_money_sub_clamped (-FISCAL_MONEY_MAX, FISCAL_MONEY_MAX), ==, -FISCAL_MONEY_MAX);
  g_assert_cmpint (fiscal_money_sub_clamped (FISCAL_MONEY_MAX, FISCAL_MONEY_MAX), ==, 0);
  g_assert_cmpint (fiscal_money_sub_clamped (0, G_MININT64), ==, FISCAL_MONEY_MAX);
  g_assert_cmpint (fiscal_money_sub_clamped (G_MAXINT64, G_MININT64), ==, FISCAL_MONEY_MAX);
  g_assert_cmpint (fiscal_money_sub_clamped (G_MININT64, G_MAXINT64), ==, -FISCAL_MONEY_MAX);
  g_assert_cmpint (fiscal_money_sub_clamped (G_MININT64, G_MININT64), ==, 0);

  g_assert_cmpint (fiscal_money_mul_clamped (12345, 3), ==, 37035);
  g_assert_cmpint (fiscal_money_mul_clamped (-12345, 3), ==, -37035);
  g_assert_cmpint (fiscal_money_mul_clamped (FISCAL_MONEY_MAX, 2), ==, FISCAL_MONEY_MAX);
  g_assert_cmpint (fiscal_money_mul_clamped (FISCAL_MONEY_MAX, -2), ==, -FISCAL_MONEY_MAX);
  g_assert_cmpint (fiscal_money_mul_clamped (G_MAXINT64, G_MAXINT64), ==, FISCAL_MONEY_MAX);
  g_assert_cmpint (fiscal_money_mul_clamped (G_MININT64, G_MAXINT64), ==, -FISCAL_MONEY_MAX);
  g_assert_cmpint (fiscal_money_mul_clamped (G_MININT64, 0), ==, 0);

  g_assert_cmpint (fiscal_money_negate (5), ==, -5);
  g_assert_cmpint (fiscal_money_negate (-FISCAL_MONEY_MAX), ==, FISCAL_MONEY_MAX);
  g_assert_cmpint (fiscal_money_negate (G_MININT64), ==, FISCAL_MONEY_MAX);
  g_assert_cmpint (fiscal_money_negate (G_MAXINT64), ==, -FISCAL_MONEY_MAX);
  g_assert_cmpint (fiscal_money_clamp (G_MAXINT64), ==, FISCAL_MONEY_MAX);
  g_assert_cmpint (fiscal_money_clamp (-7), ==, -7);
}

/* Property: for many random amounts, formatting and parsing agree with a
 * reference computed digit by digit from integers. */
static void
test_random_round_trip (void)
{
  GRand *rand = g_rand_new_with_seed (20251);

  for (guint i = 0; i < 200000; i++)
    {
      gint64 fen;
      guint64 mag;
      gint64 back = 0;
      g_autofree char *yuan = NULL;
      g_autofree char *grouped = NULL;
      g_autofree char *wan = NULL;
      g_autofree char *expected_yuan = NULL;
      g_autofree char *expected_wan = NULL;
      guint64 q;

      /* Spread over every magnitude, not just large numbers. */
      fen = (gint64) (((guint64) g_rand_int (rand) << 32 | g_rand_int (rand)) >> g_rand_int_range (rand, 1, 64));
      if (g_rand_boolean (rand))
        fen = -fen;

      mag = fen < 0 ? -(guint64) fen : (guint64) fen;
      expected_yuan = g_strdup_printf ("%s%" G_GUINT64_FORMAT ".%02u", fen < 0 ? "-" : "",
                                       mag / 100, (guint) (mag % 100));
      yuan = fiscal_money_format_yuan (fen);
      g_assert_cmpstr (yuan, ==, expected_yuan);

      /* Within the ceiling an amount reads back exactly; beyond it (a
       * quarter of these magnitudes) it is refused, never wrapped. */
      grouped = fiscal_money_format_yuan_grouped (fen);
      if (mag <= (guint64) FISCAL_MONEY_MAX)
        {
          g_assert_true (fiscal_money_parse (yuan, &back, NULL));
          g_assert_cmpint (back, ==, fen);

          back = 0;
          g_assert_true (fiscal_money_parse (grouped, &back, NULL));
          g_assert_cmpint (back, ==, fen);
        }
      else
        {
          g_assert_false (fiscal_money_parse (yuan, &back, NULL));
          g_assert_false (fiscal_money_parse (grouped, &back, NULL));
          g_assert_cmpint (back, ==, 0);
        }

      /* Half up on the magnitude: compare the remainder with 5000. */
      q = mag / 10000 + ((mag % 10000) >= 5000 ? 1 : 0);
      expected_wan = g_strdup_printf ("%s%" G_GUINT64_FORMAT ".%02u",
                                      (fen < 0 && q != 0) ? "-" : "", q / 100, (guint) (q % 100));
      wan = fiscal_money_format_wan (fen);
      g_assert_cmpstr (wan, ==, expected_wan);
      g_assert_cmpint (fiscal_money_round_wan (fen), ==, fen < 0 ? -(gint64) q : (gint64) q);
    }

  g_rand_free (rand);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/money/parse/valid", test_parse_valid);
  g_test_add_func ("/money/parse/invalid", test_parse_invalid);
  g_test_add_func ("/money/parse/wan", test_parse_wan);
  g_test_add_func ("/money/format", test_format);
  g_test_add_func ("/money/parse/ceiling-message", test_parse_ceiling_message);
  g_test_add_func ("/money/ratio", test_ratio);
  g_test_add_func ("/money/ratio/clamped", test_ratio_clamped);
  g_test_add_func ("/money/add", test_add);
  g_test_add_func ("/money/accumulate", test_accumulate);
  g_test_add_func ("/money/sub-mul-negate", test_sub_mul_negate);
  g_test_add_func ("/money/random-round-trip", test_random_round_trip);

  return g_test_run ();
}
