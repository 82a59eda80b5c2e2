import { type FormEvent, useId, useState } from 'react';
import { TextField } from '../../../components/text-field';
import { LoginRequest } from '../../../contract/auth';
import { ApiError } from '../../../lib/api-client';
import { useSignIn } from '../hooks/use-sign-in';

type Fields = Partial<Record<'email' | 'password', string>>;

function messageOf(error: unknown): string {
  if (!(error instanceof ApiError)) return 'Something went wrong. Try again.';
  if (error.status === 429) {
    const minutes = Math.max(1, Math.ceil((error.retry_after ?? 60) / 60));
    return `Too many attempts. Wait ${minutes} minute${minutes === 1 ? '' : 's'} before you try again.`;
  }
  return error.message;
}

export function SignInForm({ onSignedIn }: { onSignedIn: () => void }) {
  const signIn = useSignIn();
  const [fields, setFields] = useState<Fields>({});
  const errorId = useId();

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const parsed = LoginRequest.safeParse({ email: form.get('email'), password: form.get('password') });
    if (!parsed.success) {
      const next: Fields = {};
      for (const issue of parsed.error.issues) next[issue.path[0] as keyof Fields] ??= issue.message;
      setFields(next);
      return;
    }
    setFields({});
    signIn.mutate(parsed.data, { onSuccess: onSignedIn });
  };

  const serverError = signIn.isError ? messageOf(signIn.error) : null;
  return (
    <form
      className="sign-in-form"
      onSubmit={submit}
      noValidate
      aria-describedby={serverError ? errorId : undefined}
    >
      <TextField
        name="email"
        label="Email"
        type="email"
        autoComplete="username"
        required
        error={fields.email}
      />
      <TextField
        name="password"
        label="Password"
        type="password"
        autoComplete="current-password"
        required
        error={fields.password}
      />
      {serverError && (
        <p id={errorId} className="form-error" role="alert">
          {serverError}
        </p>
      )}
      <button type="submit" className="button primary" disabled={signIn.isPending}>
        {signIn.isPending ? 'Signing in…' : 'Sign in'}
      </button>
    </form>
  );
}
