/**
 * The account forms' schemas, shared by browser and server. Messages are
 * dictionary keys ("errors.email"), translated where they are shown, so one
 * schema serves both languages.
 */
import { z } from "zod";

const email = z
  .string({ message: "errors.required" })
  .trim()
  .min(1, "errors.required")
  .max(254, "errors.email")
  .pipe(z.email({ message: "errors.email" }))
  .transform((value) => value.toLowerCase());

export const signInSchema = z.object({
  email,
  password: z.string({ message: "errors.required" }).min(1, "errors.required").max(128, "errors.passwordTooLong"),
  redirectTo: z.string().optional(),
});

export const displayName = z
  .string({ message: "errors.required" })
  .trim()
  .min(1, "errors.required")
  .max(80, "errors.nameTooLong")
  // Shown to others beside orders and reviews: no control characters (line breaks, NUL, bidi tricks stay out).
  .refine((value) => !/[\p{Cc}\u202a-\u202e\u2066-\u2069]/u.test(value), "errors.nameInvalid");

export const newPassword = z
  .string({ message: "errors.required" })
  .min(1, "errors.required")
  .min(8, "errors.passwordTooShort")
  .max(128, "errors.passwordTooLong");

export const signUpSchema = z.object({ name: displayName, email, password: newPassword });

export const forgotPasswordSchema = z.object({ email });
export const resetPasswordSchema = z.object({ password: newPassword });

export type SignInInput = z.infer<typeof signInSchema>;
export type SignUpInput = z.infer<typeof signUpSchema>;
