export async function main(count: number, step: number = 1) {
	return { count: count + step }
}
