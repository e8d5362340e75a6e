"use client";

import { startTransition, useActionState, type FormEvent } from "react";

/**
 * useActionState for a <form action> that keeps what was typed when the server answers with errors. React resets
 * a form after every action it submits; submitting from onSubmit inside a transition skips that reset. Before
 * hydration the form still posts natively through `action`.
 */
export function useActionForm<State>(action: (state: Awaited<State>, formData: FormData) => State | Promise<State>, initialState: Awaited<State>) {
  const [state, formAction, pending] = useActionState(action, initialState);
  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const formData = new FormData(event.currentTarget, (event.nativeEvent as SubmitEvent).submitter);
    startTransition(() => formAction(formData));
  }
  return { state, formAction, pending, onSubmit };
}
