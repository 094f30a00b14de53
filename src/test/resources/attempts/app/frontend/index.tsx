import React, { useState } from 'react'
import { backend } from 'wmill'

const CounterApp = () => {
	const [count, setCount] = useState(0)
	const [error, setError] = useState<string | null>(null)

	const change = async (step: number) => {
		try {
			setError(null)
			const result = await backend.incrementCounter({ count, step })
			setCount(result.count)
		} catch (err) {
			setError('The counter could not be updated')
		}
	}

	const reset = async () => {
		try {
			setError(null)
			const result = await backend.resetCounter({ count })
			setCount(result.count)
		} catch (err) {
			setError('The counter could not be reset')
		}
	}

	return (
		<div className="flex flex-col items-center gap-4 p-10">
			<h1 className="text-xl font-semibold">Counter</h1>
			<p className="text-5xl font-bold" data-testid="count">
				{count}
			</p>
			<div className="flex gap-3">
				<button className="rounded border px-4 py-2" onClick={() => change(-1)}>
					-
				</button>
				<button className="rounded border px-4 py-2" onClick={() => change(1)}>
					+
				</button>
				<button className="rounded bg-slate-200 px-4 py-2" onClick={reset} disabled={count === 0}>
					Reset
				</button>
			</div>
			{error ? <p className="text-red-600">{error}</p> : null}
		</div>
	)
}

export default CounterApp
